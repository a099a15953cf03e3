//! The receiver's command line (see [`receiver::cli::USAGE`]): serve, or answer an operator's
//! `--count`, `export` or `delete` on a database file.

use receiver::cli::{self, Command, Serve, USAGE};
use receiver::private_files;
use receiver::retention::{purge_keys_periodically, shorter_than_the_contract};
use receiver::store::Deleted;
use receiver::{router, serve, Store};
use std::io::Write;
use std::path::Path;

fn main() {
    if let Err(message) = run() {
        eprintln!("receiver: {message}\n{USAGE}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    match cli::parse(std::env::args().skip(1))? {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Serve(options) => run_server(options),
        Command::Count { db } => {
            let n = existing(&db)?.count().map_err(|e| at(&db, e))?;
            println!("{n}");
            Ok(())
        }
        Command::Export { db, since, out } => {
            let store = existing(&db)?;
            let Some(path) = out else {
                eprintln!(
                    "receiver: the export holds personal data: keep what it is written to \
                     readable by you only (or use --out FILE, created so)"
                );
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                store
                    .export(since.as_deref(), &mut stdout)
                    .map_err(|e| at(&db, e))?;
                return stdout.flush().map_err(|e| e.to_string());
            };
            let file = private_files::create_new(&path).map_err(|e| at(&path, e))?;
            let mut file = std::io::BufWriter::new(file);
            let written = store
                .export(since.as_deref(), &mut file)
                .map_err(|e| at(&db, e))?;
            file.flush().map_err(|e| at(&path, e))?;
            eprintln!(
                "receiver: {written} requests written to {} (readable by you only)",
                path.display()
            );
            Ok(())
        }
        Command::Delete { db, reference } => {
            match existing(&db)?.delete(&reference).map_err(|e| at(&db, e))? {
                Deleted::Erased => {
                    println!("{reference}: erased");
                    Ok(())
                }
                Deleted::NotFound => Err(format!("{reference}: no request has this reference")),
                Deleted::ErasedLogBusy => Err(format!(
                    "{reference}: erased from the tables, but a running receiver kept the \
                     write-ahead log ({}-wal) from being emptied; old copies stay there until \
                     its next checkpoint: run this again when the receiver is idle or stopped",
                    db.display()
                )),
            }
        }
    }
}

/// An operator's command works on an existing file: never create one.
fn existing(db: &Path) -> Result<Store, String> {
    if !db.is_file() {
        return Err(format!("{}: no such database", db.display()));
    }
    Store::open(db).map_err(|e| at(db, e))
}

fn at(db: &Path, error: impl std::fmt::Display) -> String {
    format!("{}: {error}", db.display())
}

fn run_server(options: Serve) -> Result<(), String> {
    let Serve {
        listen,
        db,
        settings,
        busy_timeout,
        keep_keys,
    } = options;
    let store = Store::open_with_busy_timeout(&db, busy_timeout).map_err(|e| at(&db, e))?;
    let warnings = private_files::warnings(&db)
        .into_iter()
        .chain(shorter_than_the_contract(keep_keys));
    for warning in warnings {
        eprintln!("receiver: warning: {warning}");
    }
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
        // The address bound, so that a port 0 (any free port) can be found.
        let bound = listener
            .local_addr()
            .map_or(listen, |address| address.to_string());
        println!(
            "receiver: listening on http://{bound}, storing in {}",
            db.display()
        );
        tokio::spawn(purge_keys_periodically(store.clone(), keep_keys));
        let header_read_timeout = settings.limits.header_read_timeout;
        serve(
            listener,
            router(store, settings),
            header_read_timeout,
            shutdown(),
        )
        .await;
        Ok(())
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
