//! Writes every locale's packs into a folder (`dist/locales/` in the app's build,
//! scripts/finish-dist.mjs): `cargo run -p fasttrack-content --features parse --bin
//! locale-packs -- <app root> <out dir>`. The names are the ones the app's build compiled in.

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: locale-packs <app root> <out dir>");
        std::process::exit(2);
    };
    let root = Path::new(root);
    let bundle = match fasttrack_content::bundle::build(&root.join("content/locales")) {
        Ok(b) => b,
        Err(problems) => {
            eprintln!(
                "locale-packs: the content does not build:\n  {}",
                problems.join("\n  ")
            );
            std::process::exit(1);
        }
    };
    let out = Path::new(out);
    let written = std::fs::create_dir_all(out).and_then(|()| {
        bundle
            .locales
            .iter()
            .flat_map(|l| l.packs.all())
            .try_for_each(|p| std::fs::write(out.join(&p.name), &p.text))
    });
    if let Err(e) = written {
        eprintln!("locale-packs: {}: {e}", out.display());
        std::process::exit(1);
    }
}
