//! What the browser and the receiver agree on about the contract's HTTP beyond the request
//! itself.

/// A header name as HTTP defines it (a "token", RFC 9110): what `fetch` sends and what a
/// receiver can allow a page to send.
pub fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_name_is_an_http_token() {
        for good in [
            "X-CSRF-Token",
            "authorization",
            "x_tenant",
            "a!#$%&'*+-.^_`|~9",
        ] {
            assert!(is_header_name(good), "{good}");
        }
        for bad in ["", "X Tenant", "X:Y", "Ü-Header", "a\tb", "(x)"] {
            assert!(!is_header_name(bad), "{bad}");
        }
    }
}
