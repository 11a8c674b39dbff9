// How a host page starts the widget: load the module built by Trunk and initialise it.
// The app then mounts into every element with data-lia-widget on the page.
import init from '/lia.js';

await init({ module_or_path: '/lia_bg.wasm' });
