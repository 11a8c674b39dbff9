// What the browser tests, the benchmark and the build scripts know about the app: the
// schema version, the storage key layout, how sizes are written, the export's names and
// limit, and the Content Security Policies. All of it is read from app-facts.json beside
// this file, which src/facts.rs writes from the Rust definitions (tests/app_facts.rs
// fails when it is out of date; regenerate with UPDATE_DOCS=1 cargo test --test
// app_facts). Never copy one of these facts by hand: import it from here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const FACTS = JSON.parse(readFileSync(new URL('./app-facts.json', import.meta.url), 'utf8'));

/** The stored and exported format version (`SCHEMA_VERSION` in src/assessment/schema.rs). */
export const SCHEMA_VERSION = FACTS.schema_version;

/** The `format` of every export, the id of the report's embedded JSON, the import limit. */
export const EXPORT_FORMAT = FACTS.export.format;
export const REPORT_SCRIPT_ID = FACTS.export.script_id;
export const MAX_IMPORT_BYTES = FACTS.export.max_import_bytes;

// ---- storage keys (src/storage/keys.rs) ----------------------------------------------

export const DEFAULT_NAMESPACE = FACTS.storage.default_namespace;
/** The format version of the start page's index (`INDEX_VERSION` in src/storage/index.rs). */
export const INDEX_VERSION = FACTS.storage.index_version;

const { keys: KEYS, placeholders: PLACEHOLDERS } = FACTS.storage;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = new RegExp(Object.values(PLACEHOLDERS).map(escape).join('|'), 'g');
const PART_OF = Object.fromEntries(Object.entries(PLACEHOLDERS).map(([part, text]) => [text, part]));

/** A key template with its placeholders replaced, in one pass (a value is never read again). */
function key(template, parts) {
  return template.replace(PLACEHOLDER, (text) => {
    const part = PART_OF[text];
    if (parts[part] === undefined) throw new Error(`no ${part} for the key template ${template}`);
    return String(parts[part]);
  });
}

/** The start of every key of a namespace. */
export const namespacePrefix = (namespace = DEFAULT_NAMESPACE) => key(KEYS.namespace, { namespace });
/** The key of the start page's index. */
export const indexKey = (namespace = DEFAULT_NAMESPACE) => key(KEYS.index, { namespace });
/** The key of an assessment's record. */
export const recordKey = (id, namespace = DEFAULT_NAMESPACE) => key(KEYS.record, { namespace, id });
/** The key of the `n`th set-aside (damaged) text of an assessment, and of its note. */
export const quarantineKey = (id, n, namespace = DEFAULT_NAMESPACE) => key(KEYS.quarantine, { namespace, id, n });
export const quarantineNoteKey = (id, n, namespace = DEFAULT_NAMESPACE) =>
  key(KEYS.quarantine_note, { namespace, id, n });

/** The passphrase lock's key. */
export const lockKey = (namespace = DEFAULT_NAMESPACE) => key(KEYS.lock, { namespace });
/** Where the write-ahead journal is kept: IndexedDB `database` (at `version`), `store`. */
export const JOURNAL = FACTS.storage.journal;

if (!KEYS.record.endsWith(PLACEHOLDERS.id)) throw new Error(`app-facts.json: a record key does not end with its id`);
/** The start of every record key of a namespace (the record key of an empty id). */
export const recordPrefix = (namespace = DEFAULT_NAMESPACE) => recordKey('', namespace);

// ---- sizes (format_bytes in src/storage/error.rs) ------------------------------------

const { units: UNITS } = FACTS.size_format;

/** Bytes in one of a unit format_bytes writes ('KB', 'MB'). */
export function unitBytes(name) {
  const unit = UNITS.find((u) => u.name === name);
  if (!unit) throw new Error(`app-facts.json has no size unit ${name}`);
  return unit.bytes;
}

/** `format_bytes` of src/storage/error.rs, from its table and rounding rule (in integers). */
export function formatBytes(size) {
  const n = BigInt(size);
  const unit = UNITS.findLast((u) => n >= BigInt(u.from)) ?? UNITS[0];
  const bytes = BigInt(unit.bytes);
  const scale = 10n ** BigInt(unit.decimals);
  const shown = (n * scale + bytes / 2n) / bytes;
  const number = unit.decimals === 0 ? `${shown}` : `${shown / scale}.${String(shown % scale).padStart(unit.decimals, '0')}`;
  return `${number} ${unit.name}`;
}

// ---- Content Security Policies (src/csp.rs) ------------------------------------------

/** The hash source that allows exactly this text, as CSP hashes it: `'sha256-<base64>'`. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hash source of each inline script of a page (a `<script>` without `src`), in order. */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => hashSource(match[1]));
}

/**
 * The policy of a page (`served`, `single_file` or `report`) as a meta element's content,
 * each placeholder replaced by its sources in `fill` (placeholder without its braces →
 * array of sources). Every placeholder must be filled and nothing else given.
 */
export function contentSecurityPolicy(page, fill) {
  const directives = FACTS.csp[page];
  if (!directives) throw new Error(`app-facts.json has no policy for ${page}`);
  const used = new Set();
  const policy = directives
    .map(([name, ...sources]) => {
      const expanded = sources.flatMap((source) => {
        if (!(source in FACTS.csp.placeholders)) return [source];
        const part = source.slice(1, -1);
        if (!Array.isArray(fill[part])) throw new Error(`no sources for ${source} in the ${page} policy`);
        used.add(part);
        return fill[part];
      });
      return [name, ...expanded].join(' ');
    })
    .join('; ');
  const unused = Object.keys(fill).filter((part) => !used.has(part));
  if (unused.length > 0) throw new Error(`the ${page} policy has no placeholder for ${unused.join(', ')}`);
  return policy;
}
