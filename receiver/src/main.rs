//! `receiver --listen 127.0.0.1:8787 --db requests.sqlite [--allow-origin URL]... [--max-body BYTES]`,
//! or `receiver --db requests.sqlite --count` to print how many requests the file holds.

use receiver::{router, Origin, Settings, Store};
use std::path::PathBuf;

const USAGE: &str =
    "usage: receiver [--listen ADDR:PORT] [--db FILE] [--allow-origin ORIGIN]... [--max-body BYTES]
       receiver [--db FILE] --count";

fn main() {
    if let Err(message) = run() {
        eprintln!("receiver: {message}\n{USAGE}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut listen = "127.0.0.1:8787".to_owned();
    let mut db = PathBuf::from("requests.sqlite");
    let mut settings = Settings::default();
    let mut count = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--listen" => listen = value()?,
            "--db" => db = PathBuf::from(value()?),
            "--allow-origin" => settings
                .allowed_origins
                .push(Origin::parse(&value()?).map_err(|e| e.to_string())?),
            "--max-body" => {
                settings.max_body = value()?
                    .parse()
                    .map_err(|_| "--max-body takes a number of bytes")?
            }
            "--count" => count = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if count {
        // An operator's question about an existing file: never create one.
        if !db.is_file() {
            return Err(format!("{}: no such database", db.display()));
        }
        let store = Store::open(&db).map_err(|e| format!("{}: {}", db.display(), e.0))?;
        let n = store
            .count()
            .map_err(|e| format!("{}: {}", db.display(), e.0))?;
        println!("{n}");
        return Ok(());
    }
    let store = Store::open(&db).map_err(|e| format!("{}: {}", db.display(), e.0))?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        println!(
            "receiver: listening on http://{listen}, storing in {}",
            db.display()
        );
        axum::serve(listener, router(store, settings))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| e.to_string())
    })
}

/// Ctrl-C or SIGTERM (what `make serve` sends when it stops).
async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
