//! The browser side of sending: one `fetch` per attempt with a timeout, retried as
//! [`classify`] decides. Everything a server or the network does ends in an [`Outcome`].

use crate::host::{Config, Credentials};
use crate::request::submit::{classify, Attempt, Next, Outcome};
use gloo_net::http::{Headers, Request};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Sends `body` with its idempotency key until it is done; `on_attempt` hears each attempt's
/// number (for "trying again, 2 of 3").
pub async fn send(config: &Config, key: &str, body: &str, on_attempt: impl Fn(u32)) -> Outcome {
    let mut number = 1;
    loop {
        if is_offline() {
            return Outcome::Offline;
        }
        on_attempt(number);
        let attempt = attempt_once(config, key, body).await;
        match classify(
            &attempt,
            number,
            js_sys::Math::random(),
            crate::browser::now_ms(),
        ) {
            Next::Done(outcome) => return outcome,
            Next::Retry { wait_ms } => {
                sleep(wait_ms).await;
                number += 1;
            }
        }
    }
}

fn is_offline() -> bool {
    crate::browser::window().is_some_and(|w| !w.navigator().on_line())
}

pub async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = crate::browser::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn attempt_once(config: &Config, key: &str, body: &str) -> Attempt {
    let Some(window) = crate::browser::window() else {
        return Attempt::NetworkError;
    };
    // Headers set one by one, each able to fail: the browser refuses some names and values,
    // and a refusal must end in an outcome, not a JavaScript exception that leaves the
    // submission waiting for ever.
    let Some(headers) = request_headers(config, key) else {
        return Attempt::Unsendable;
    };
    let controller = web_sys::AbortController::new().ok();
    // Abort the fetch (and the reading of its body) when the timeout passes.
    let abort = controller.clone().map(|c| Closure::once(move || c.abort()));
    let timer = abort.as_ref().and_then(|f| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                f.as_ref().unchecked_ref(),
                config.timeout_ms as i32,
            )
            .ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let builder = Request::post(&config.endpoint)
        .headers(Headers::from_raw(headers))
        .credentials(match config.credentials {
            Credentials::Omit => web_sys::RequestCredentials::Omit,
            Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
            Credentials::Include => web_sys::RequestCredentials::Include,
        })
        .abort_signal(signal.as_ref())
        // A redirect is not the backend's answer (a gateway's sign-in page, usually): seen,
        // not followed.
        .redirect(web_sys::RequestRedirect::Manual);
    let result = match builder.body(body.to_owned()) {
        Ok(request) => match request.send().await {
            Ok(response) if response.type_() == web_sys::ResponseType::Opaqueredirect => {
                Ok(Attempt::Redirected)
            }
            Ok(response) => {
                let status = response.status();
                let headers = response.headers();
                let retry_after = headers.get("retry-after");
                let content_type = headers.get("content-type");
                match response.text().await {
                    Ok(body) => Ok(Attempt::Answered {
                        status,
                        retry_after,
                        content_type,
                        body,
                    }),
                    Err(_) => Err(()),
                }
            }
            Err(_) => Err(()),
        },
        Err(_) => Err(()),
    };
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let timed_out = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
    match result {
        Ok(attempt) => attempt,
        Err(()) if timed_out => Attempt::TimedOut,
        Err(()) => Attempt::NetworkError,
    }
}

fn request_headers(config: &Config, key: &str) -> Option<web_sys::Headers> {
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Content-Type", "application/json").ok()?;
    headers.set("Idempotency-Key", key).ok()?;
    for (name, value) in &config.headers {
        headers.set(name, value).ok()?;
    }
    Some(headers)
}

/// A fresh idempotency key: a version-4 UUID from the browser's cryptographic random source
/// (`getRandomValues`, which, unlike `randomUUID`, also works outside secure contexts).
pub fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = crate::browser::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
