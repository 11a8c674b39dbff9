// The hostile text both XSS suites type into every field: each payload would leave a
// mark (window.__xss, an element with class xss-N, a dialog) if it ever ran.
export const PAYLOADS = [
  `<script>window.__xss=(window.__xss||0)+1;alert('xss-1')</script>`,
  `<img src=x onerror="window.__xss=2;alert('xss-2')" class="xss-2">`,
  `<svg onload="window.__xss=3;alert('xss-3')" class="xss-3"><circle r="1"/></svg>`,
  `javascript:window.__xss=4;alert('xss-4')`,
  `</script><script>window.__xss=5;alert('xss-5')</script>`,
  `"><img src=x onerror=alert('xss-6') class=xss-6>`,
  `' autofocus onfocus=alert('xss-7') x='`,
  `</textarea></title><iframe srcdoc="<script>parent.__xss=8</script>" class="xss-8"></iframe>`,
  `<a href="javascript:alert('xss-9')" class="xss-9">click</a>`,
  `<details open ontoggle="window.__xss=10;alert('xss-10')" class="xss-10"><summary>x</summary></details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-11') class=xss-11>`,
  `<!--<img src=x onerror=alert('xss-12') class=xss-12>-->`,
  `\u2028\u2029</SCRIPT ><script>window.__xss=13</script>`,
  `<style>*{display:none}</style><div class="xss-14">`,
  `<svg><animate onbegin="window.__xss=15" attributeName=x dur=1s class="xss-15"></svg>`,
  `<object data="javascript:alert('xss-16')" class="xss-16"></object><embed src="data:text/html,<script>alert(17)</script>">`,
  `&lt;script&gt;alert('xss-18')&lt;/script&gt; &#x3C;img src=x onerror=alert(19)&#x3E;`,
  `<base href="javascript:/"><form action="javascript:alert('xss-20')"><button class="xss-20">go</button></form>`,
];
export const PAYLOAD = PAYLOADS.join('\n');

/** The same text made harmless: no markup characters, no scheme. */
export const harmless = (text) =>
  text.replace(/[<>"'&]/g, (c) => ({ '<': '‹', '>': '›', '"': '”', "'": '’', '&': '+' })[c]).replaceAll('javascript:', 'javascript;');
