//! The command line: serving, and the operator's commands on a database file.

use crate::origin::Origin;
use crate::retention::DEFAULT_KEEP_KEYS;
use crate::store::DEFAULT_BUSY_TIMEOUT;
use crate::Settings;
use axum::http::HeaderName;
use fasttrack_model::Date;
use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str =
    "usage: receiver [--listen ADDR:PORT] [--db FILE] [--allow-origin ORIGIN]... [--allow-header NAME]...
                [--max-body BYTES]
                [--header-timeout SECONDS] [--body-timeout SECONDS] [--request-timeout SECONDS]
                [--max-in-flight N] [--busy-timeout-ms MS] [--keep-keys-hours HOURS]
       receiver [--db FILE] --count
       receiver export [--db FILE] [--since YYYY-MM-DD | --since YYYY-MM-DDTHH:MM:SSZ] [--out FILE]
       receiver delete [--db FILE] REFERENCE";

/// What the command line asks for.
#[derive(Debug, Clone)]
pub enum Command {
    Serve(Serve),
    /// Print how many requests the file holds.
    Count {
        db: PathBuf,
    },
    /// Write the stored requests as JSON Lines on standard output, or into a new file `out`
    /// readable by its owner only.
    Export {
        db: PathBuf,
        since: Option<String>,
        out: Option<PathBuf>,
    },
    /// Erase one request everywhere it is kept.
    Delete {
        db: PathBuf,
        reference: String,
    },
    Help,
}

#[derive(Debug, Clone)]
pub struct Serve {
    pub listen: String,
    pub db: PathBuf,
    pub settings: Settings,
    pub busy_timeout: Duration,
    /// How long an idempotency record is kept.
    pub keep_keys: Duration,
}

/// Reads the arguments after the program's name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter().peekable();
    let operator = match args.peek().map(String::as_str) {
        Some(name @ ("export" | "delete")) => Some(name.to_owned()),
        _ => None,
    };
    if operator.is_some() {
        args.next();
    }
    let mut serve = Serve {
        listen: "127.0.0.1:8787".to_owned(),
        db: PathBuf::from("requests.sqlite"),
        settings: Settings::default(),
        busy_timeout: DEFAULT_BUSY_TIMEOUT,
        keep_keys: DEFAULT_KEEP_KEYS,
    };
    let mut count = false;
    let mut since = None;
    let mut out = None;
    let mut reference = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match (operator.as_deref(), arg.as_str()) {
            (_, "--db") => serve.db = PathBuf::from(value()?),
            (_, "--help" | "-h") => return Ok(Command::Help),
            (Some("export"), "--since") => since = Some(since_timestamp(&value()?)?),
            (Some("export"), "--out") => out = Some(PathBuf::from(value()?)),
            (Some("delete"), text) if !text.starts_with('-') && reference.is_none() => {
                reference = Some(text.to_owned())
            }
            (Some(_), other) => return Err(format!("unknown argument {other}")),
            (None, "--count") => count = true,
            (None, _) => serve_flag(&mut serve, &arg, value)?,
        }
    }
    let db = serve.db.clone();
    Ok(match operator.as_deref() {
        Some("export") => Command::Export { db, since, out },
        Some(_) => Command::Delete {
            db,
            reference: reference.ok_or("delete needs the REFERENCE of a request")?,
        },
        None if count => Command::Count { db },
        None => Command::Serve(serve),
    })
}

fn serve_flag(
    serve: &mut Serve,
    arg: &str,
    mut value: impl FnMut() -> Result<String, String>,
) -> Result<(), String> {
    let settings = &mut serve.settings;
    match arg {
        "--listen" => serve.listen = value()?,
        "--allow-origin" => settings
            .allowed_origins
            .push(Origin::parse(&value()?).map_err(|e| e.to_string())?),
        "--allow-header" => settings.allowed_headers.push(allowed_header(&value()?)?),
        "--max-body" => {
            settings.max_body = value()?
                .parse()
                .map_err(|_| "--max-body takes a number of bytes")?
        }
        "--header-timeout" => settings.limits.header_read_timeout = seconds(arg, &value()?)?,
        "--body-timeout" => settings.limits.body_read_timeout = seconds(arg, &value()?)?,
        "--request-timeout" => settings.limits.request_timeout = seconds(arg, &value()?)?,
        "--max-in-flight" => {
            settings.limits.max_in_flight = value()?
                .parse()
                .ok()
                .filter(|n| (1..=1_000_000).contains(n))
                .ok_or("--max-in-flight takes a number of requests from 1 to 1000000")?
        }
        "--busy-timeout-ms" => {
            serve.busy_timeout = value()?
                .parse()
                .ok()
                .filter(|ms| *ms <= 60_000)
                .map(Duration::from_millis)
                .ok_or("--busy-timeout-ms takes a number of milliseconds from 0 to 60000")?
        }
        "--keep-keys-hours" => {
            serve.keep_keys = value()?
                .parse::<f64>()
                .ok()
                .filter(|h| *h > 0.0 && *h <= 8_760.0)
                .map(|h| Duration::from_secs_f64(h * 3_600.0))
                .ok_or("--keep-keys-hours takes a number of hours above 0, at most 8760, such as 24 or 0.5")?
        }
        other => return Err(format!("unknown argument {other}")),
    }
    Ok(())
}

/// `--allow-header`: a header name a browser on an allowed origin may send (a deployment's
/// `headers` setting). A name is an HTTP token; the two the contract sends are always allowed,
/// and the ones browsers set themselves cannot be.
fn allowed_header(name: &str) -> Result<HeaderName, String> {
    let refuse = |why: &str| Err(format!("--allow-header {name:?}: {why}"));
    if name == "*" {
        return refuse(
            "a wildcard is not allowed with credentials, which the receiver allows: name each header",
        );
    }
    if !fasttrack_model::http::is_header_name(name) {
        return refuse("not a header name (letters, digits and !#$%&'*+-.^_`|~ only)");
    }
    let lower = name.to_ascii_lowercase();
    if ["content-type", "idempotency-key"].contains(&lower.as_str()) {
        return refuse("always allowed: the contract sends it");
    }
    if ["host", "content-length", "cookie", "origin", "connection"].contains(&lower.as_str())
        || lower.starts_with("sec-")
        || lower.starts_with("proxy-")
    {
        return refuse("browsers set this header themselves: a page cannot send it");
    }
    HeaderName::from_bytes(lower.as_bytes()).or_else(|_| refuse("not a header name"))
}

/// A number of seconds, such as `10` or `0.5`, above zero and at most a day.
fn seconds(flag: &str, text: &str) -> Result<Duration, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| *s > 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| format!("{flag} takes a number of seconds above 0, such as 10 or 0.5"))
}

/// `--since`: a date (from its first second, UTC) or a timestamp as the receiver writes them.
fn since_timestamp(text: &str) -> Result<String, String> {
    let refused = || {
        format!("--since takes a date such as 2026-11-30 or a UTC time such as 2026-11-30T09:00:00Z, not {text:?}")
    };
    let date = Date::parse(text.get(..10).ok_or_else(refused)?).ok_or_else(refused)?;
    match text.get(10..) {
        Some("") => Ok(format!("{date}T00:00:00Z")),
        Some(time) if is_time(time) => Ok(text.to_owned()),
        _ => Err(refused()),
    }
}

/// `THH:MM:SSZ` with a real time of day.
fn is_time(text: &str) -> bool {
    let b = text.as_bytes();
    let two = |i: usize| -> Option<u8> {
        let (d1, d2) = (b.get(i)?, b.get(i + 1)?);
        (d1.is_ascii_digit() && d2.is_ascii_digit()).then(|| (d1 - b'0') * 10 + (d2 - b'0'))
    };
    b.len() == 10
        && b[0] == b'T'
        && b[3] == b':'
        && b[6] == b':'
        && b[9] == b'Z'
        && two(1).is_some_and(|h| h < 24)
        && two(4).is_some_and(|m| m < 60)
        && two(7).is_some_and(|s| s < 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_words(words: &str) -> Result<Command, String> {
        parse(words.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn since_takes_a_date_or_a_utc_time() {
        assert_eq!(
            since_timestamp("2026-11-30").unwrap(),
            "2026-11-30T00:00:00Z"
        );
        assert_eq!(
            since_timestamp("2026-11-30T09:05:00Z").unwrap(),
            "2026-11-30T09:05:00Z"
        );
        for bad in [
            "2026-11-31",
            "30/11/2026",
            "2026-11-30T24:00:00Z",
            "2026-11-30T09:05:00",
            "2026-11-30T09:05:00+01:00",
            "2026-11-30 09:05:00Z",
            "",
            "2026-11-30T09:05:0é",
        ] {
            assert!(since_timestamp(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn operator_commands_are_read_with_their_own_arguments() {
        match parse_words("export --db x.sqlite --since 2026-01-02").unwrap() {
            Command::Export { db, since, out } => {
                assert_eq!(db, PathBuf::from("x.sqlite"));
                assert_eq!(since.as_deref(), Some("2026-01-02T00:00:00Z"));
                assert_eq!(out, None);
            }
            other => panic!("{other:?}"),
        }
        match parse_words("delete FT-2026-000001 --db y.sqlite").unwrap() {
            Command::Delete { db, reference } => {
                assert_eq!(db, PathBuf::from("y.sqlite"));
                assert_eq!(reference, "FT-2026-000001");
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_words("delete").unwrap_err().contains("REFERENCE"));
        assert!(parse_words("delete A B")
            .unwrap_err()
            .contains("unknown argument B"));
        assert!(parse_words("export --listen 1.2.3.4:5")
            .unwrap_err()
            .contains("unknown argument --listen"));
        assert!(matches!(
            parse_words("--db z --count").unwrap(),
            Command::Count { .. }
        ));
    }

    #[test]
    fn allowed_headers_are_header_names_a_page_can_send() {
        let Command::Serve(serve) =
            parse_words("--allow-header X-CSRF-Token --allow-header authorization").unwrap()
        else {
            panic!("not serve")
        };
        let names: Vec<&str> = serve
            .settings
            .allowed_headers
            .iter()
            .map(HeaderName::as_str)
            .collect();
        assert_eq!(names, ["x-csrf-token", "authorization"]);
        for (bad, why) in [
            ("*", "wildcard"),
            ("X Tenant", "not a header name"),
            ("", "not a header name"),
            ("Idempotency-Key", "always allowed"),
            ("Cookie", "browsers set this header"),
            ("Sec-Fetch-Mode", "browsers set this header"),
        ] {
            let error = parse(["--allow-header".to_owned(), bad.to_owned()]).unwrap_err();
            assert!(
                error.starts_with(&format!("--allow-header {bad:?}")) && error.contains(why),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn the_key_retention_is_24_hours_unless_told() {
        let Command::Serve(serve) = parse_words("").unwrap() else {
            panic!("not serve")
        };
        assert_eq!(serve.keep_keys, Duration::from_secs(24 * 3_600));
        let Command::Serve(serve) = parse_words("--keep-keys-hours 0.5").unwrap() else {
            panic!("not serve")
        };
        assert_eq!(serve.keep_keys, Duration::from_secs(1_800));
        for bad in ["0", "-1", "NaN", "8761", "soon"] {
            let error = parse_words(&format!("--keep-keys-hours {bad}")).unwrap_err();
            assert!(
                error.starts_with("--keep-keys-hours takes"),
                "{bad}: {error}"
            );
        }
    }
}
