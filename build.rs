//! Writes the widget's style sheet without comments and layout whitespace for the wasm to
//! include (see `src/style_min.rs`).

#[path = "src/style_min.rs"]
mod style_min;

fn main() {
    println!("cargo:rerun-if-changed=style/main.css");
    println!("cargo:rerun-if-changed=src/style_min.rs");
    let css = std::fs::read_to_string("style/main.css").expect("style/main.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("main.css");
    std::fs::write(out, style_min::minify(&css)).expect("the built style sheet");
}
