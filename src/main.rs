//! Entry point. In the browser it mounts the app; natively there is nothing to run
//! (the core is exercised by `cargo test`), so it says how to start the app instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    lia::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app. Run `./dev serve` and open http://127.0.0.1:8080");
}
