//! `receiver --listen 127.0.0.1:8787 --db requests.sqlite [--allow-origin URL]... [--max-body BYTES]
//! [--header-timeout S] [--body-timeout S] [--request-timeout S] [--max-in-flight N]
//! [--busy-timeout-ms MS]`,
//! or `receiver --db requests.sqlite --count` to print how many requests the file holds.

use receiver::store::DEFAULT_BUSY_TIMEOUT;
use receiver::{router, serve, Origin, Settings, Store};
use std::path::PathBuf;
use std::time::Duration;

const USAGE: &str =
    "usage: receiver [--listen ADDR:PORT] [--db FILE] [--allow-origin ORIGIN]... [--max-body BYTES]
                [--header-timeout SECONDS] [--body-timeout SECONDS] [--request-timeout SECONDS]
                [--max-in-flight N] [--busy-timeout-ms MS]
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
    let mut busy_timeout = DEFAULT_BUSY_TIMEOUT;
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
            "--header-timeout" => settings.limits.header_read_timeout = seconds(&arg, &value()?)?,
            "--body-timeout" => settings.limits.body_read_timeout = seconds(&arg, &value()?)?,
            "--request-timeout" => settings.limits.request_timeout = seconds(&arg, &value()?)?,
            "--max-in-flight" => {
                settings.limits.max_in_flight = value()?
                    .parse()
                    .ok()
                    .filter(|n| (1..=1_000_000).contains(n))
                    .ok_or("--max-in-flight takes a number of requests from 1 to 1000000")?
            }
            "--busy-timeout-ms" => {
                busy_timeout = value()?
                    .parse()
                    .ok()
                    .filter(|ms| *ms <= 60_000)
                    .map(Duration::from_millis)
                    .ok_or("--busy-timeout-ms takes a number of milliseconds from 0 to 60000")?
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
        let store = Store::open(&db).map_err(|e| format!("{}: {}", db.display(), e))?;
        let n = store
            .count()
            .map_err(|e| format!("{}: {}", db.display(), e))?;
        println!("{n}");
        return Ok(());
    }
    let store = Store::open_with_busy_timeout(&db, busy_timeout)
        .map_err(|e| format!("{}: {}", db.display(), e))?;
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

/// A number of seconds, such as `10` or `0.5`, above zero and at most a day.
fn seconds(flag: &str, text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("{flag} takes a number of seconds above 0, such as 10 or 0.5"))
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
