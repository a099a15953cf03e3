//! `--allow-origin` values, checked once at start: an [`Origin`] is exactly what a browser
//! sends in its `Origin` header (`scheme://host[:port]`, lower case, no default port), so a
//! value that could never match is refused with the reason instead of being ignored.

use axum::http::HeaderValue;
use std::fmt;
use std::str::FromStr;

/// A browser origin allowed to call with credentials: `http` or `https`, a host, an optional
/// port, nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(HeaderValue);

/// Why a value is not an origin: the value, and the reason in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginError {
    pub value: String,
    pub reason: String,
}

impl fmt::Display for OriginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--allow-origin {:?}: {}", self.value, self.reason)
    }
}

impl std::error::Error for OriginError {}

impl Origin {
    pub fn parse(value: &str) -> Result<Origin, OriginError> {
        check(value)
            .map(|()| Origin(HeaderValue::from_str(value).expect("checked: visible ASCII")))
            .map_err(|reason| OriginError {
                value: value.to_owned(),
                reason,
            })
    }

    pub fn as_str(&self) -> &str {
        self.0.to_str().expect("checked: visible ASCII")
    }

    pub fn header_value(&self) -> HeaderValue {
        self.0.clone()
    }
}

impl FromStr for Origin {
    type Err = OriginError;

    fn from_str(value: &str) -> Result<Origin, OriginError> {
        Origin::parse(value)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const SHAPE: &str = "an origin is scheme://host[:port], e.g. https://portal.example";

fn check(value: &str) -> Result<(), String> {
    if value == "*" {
        return Err(
            "a wildcard cannot be allowed: the receiver allows credentials (cookies, \
             Authorization), and browsers refuse `*` with credentials; name each origin"
                .into(),
        );
    }
    if value.eq_ignore_ascii_case("null") {
        return Err(
            "`null` is the origin of sandboxed frames and local files: allowing it \
             would let any of them call with credentials"
                .into(),
        );
    }
    if value.is_empty() {
        return Err(format!("empty; {SHAPE}"));
    }
    if let Some(c) = value.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(if c.is_ascii() {
            format!("contains {c:?}; {SHAPE}")
        } else {
            "contains non-ASCII characters: browsers send an internationalised host name in \
             its punycode form (xn--...)"
                .into()
        });
    }
    let Some((scheme, rest)) = value.split_once("://") else {
        return Err(format!("no scheme; {SHAPE}"));
    };
    let default_port = match scheme {
        "http" => "80",
        "https" => "443",
        _ if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
            return Err(format!(
                "browsers send the scheme in lower case: write {}://{rest}",
                scheme.to_ascii_lowercase()
            ))
        }
        _ => return Err(format!("the scheme {scheme:?} is not http or https")),
    };
    if let Some(at) = rest.find(['/', '?', '#']) {
        let (authority, tail) = rest.split_at(at);
        let what = if tail == "/" {
            "a trailing slash"
        } else if tail.starts_with('/') {
            "a path"
        } else {
            "a query or fragment"
        };
        return Err(format!(
            "has {what}, which a browser's Origin never has: write {scheme}://{authority}"
        ));
    }
    if rest.contains('@') {
        return Err(format!("has user information before the host; {SHAPE}"));
    }
    let (host, port) = split_port(rest)?;
    check_host(host)?;
    if let Some(port) = port {
        let number: u16 = port
            .parse()
            .ok()
            .filter(|n| *n > 0 && port.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| format!("the port {port:?} is not a number from 1 to 65535"))?;
        if number.to_string() != port {
            return Err(format!("write the port without leading zeros: {number}"));
        }
        if port == default_port {
            return Err(format!(
                "browsers leave the default port {port} out of the origin: write {scheme}://{host}"
            ));
        }
    }
    Ok(())
}

/// `host[:port]`, where the host may be a bracketed IPv6 address.
fn split_port(authority: &str) -> Result<(&str, Option<&str>), String> {
    if authority.starts_with('[') {
        let end = authority
            .find(']')
            .ok_or_else(|| format!("an IPv6 address is not closed with ']'; {SHAPE}"))?;
        let (host, after) = authority.split_at(end + 1);
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(port) => Ok((host, Some(port))),
                None => Err(format!("unexpected {after:?} after the host; {SHAPE}")),
            },
        };
    }
    Ok(match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    })
}

fn check_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err(format!("no host; {SHAPE}"));
    }
    if let Some(ip) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return match ip.parse::<std::net::Ipv6Addr>() {
            Ok(_) if ip.bytes().any(|b| b.is_ascii_uppercase()) => Err(format!(
                "browsers send IPv6 addresses in lower case: write [{}]",
                ip.to_ascii_lowercase()
            )),
            Ok(_) => Ok(()),
            Err(_) => Err(format!("{ip:?} is not an IPv6 address")),
        };
    }
    if host.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "browsers send the host in lower case: write {}",
            host.to_ascii_lowercase()
        ));
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    };
    if !host.split('.').all(label_ok) {
        return Err(format!(
            "the host {host:?} is not a host name or an IP address; {SHAPE}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Origin;

    fn refused(value: &str) -> String {
        match Origin::parse(value) {
            Ok(origin) => panic!("{value:?} was accepted as {origin}"),
            Err(e) => {
                assert_eq!(e.value, value);
                e.to_string()
            }
        }
    }

    #[test]
    fn exact_origins_are_accepted_as_written() {
        for value in [
            "http://127.0.0.1:4173",
            "https://portal.example",
            "https://portal.example:8443",
            "http://localhost:8080",
            "https://xn--bcher-kva.example",
            "http://[::1]:4173",
            "https://intranet_host.corp",
        ] {
            assert_eq!(Origin::parse(value).unwrap().as_str(), value);
            assert_eq!(value.parse::<Origin>().unwrap().header_value(), value);
        }
    }

    #[test]
    fn a_wildcard_is_refused_because_credentials_are_allowed() {
        let message = refused("*");
        assert!(message.contains("\"*\""), "{message}");
        assert!(message.contains("credentials"), "{message}");
    }

    #[test]
    fn a_trailing_slash_a_path_a_query_are_refused_with_the_origin_to_write() {
        let message = refused("https://portal.example/");
        assert!(message.contains("trailing slash"), "{message}");
        assert!(
            message.contains("write https://portal.example"),
            "{message}"
        );
        let message = refused("https://portal.example/tools/fasttrack");
        assert!(message.contains("a path"), "{message}");
        assert!(
            message.contains("write https://portal.example"),
            "{message}"
        );
        assert!(refused("https://portal.example?x=1").contains("query"));
        assert!(refused("https://portal.example#top").contains("fragment"));
    }

    #[test]
    fn other_schemes_are_refused() {
        let message = refused("ftp://portal.example");
        assert!(
            message.contains("\"ftp\" is not http or https"),
            "{message}"
        );
        assert!(refused("chrome-extension://abcdef").contains("not http or https"));
        assert!(refused("HTTPS://portal.example").contains("write https://portal.example"));
    }

    #[test]
    fn malformed_values_are_refused_with_the_reason() {
        for (value, reason) in [
            ("", "empty"),
            ("portal.example", "no scheme"),
            ("https://", "no host"),
            ("https://:8080", "no host"),
            ("https://portal example", "contains ' '"),
            ("https://portal..example", "not a host name"),
            ("https://portal.example:", "not a number"),
            ("https://portal.example:99999", "not a number"),
            ("https://portal.example:0", "not a number"),
            ("https://portal.example:+80", "not a number"),
            ("https://portal.example:080", "leading zeros"),
            ("https://portal.example:443", "default port 443"),
            ("http://portal.example:80", "default port 80"),
            ("https://Portal.Example", "lower case"),
            ("https://user@portal.example", "user information"),
            ("https://bücher.example", "punycode"),
            ("http://[::1", "not closed"),
            ("http://[fe80::zz]", "not an IPv6 address"),
            ("http://[::1]x", "unexpected"),
            ("null", "sandboxed"),
        ] {
            let message = refused(value);
            assert!(message.contains(reason), "{value:?}: {message}");
            assert!(
                message.starts_with(&format!("--allow-origin {value:?}: ")),
                "{message}"
            );
        }
    }
}
