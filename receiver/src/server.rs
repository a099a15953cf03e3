//! The HTTP/1.1 server: what `axum::serve` does, plus a deadline for each request's head,
//! which `axum::serve` cannot set (it builds hyper's connection without a timer). A client
//! that opens a connection and sends no complete head within the deadline is disconnected;
//! so is a kept-alive connection left idle that long, which every answer announces.

use axum::http::{header, HeaderValue};
use axum::middleware::map_response;
use axum::response::Response;
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::time::Duration;
use tokio::net::TcpListener;

/// Serves `app` on `listener` until `shutdown` completes, then lets the requests under way
/// finish (the router's own timeouts bound them).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let app = announce_idle_timeout(app, header_read_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout);
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        // A connection's errors (a client that went away, a head too slow) end it, nothing more.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    // No new connections while those under way finish.
    drop(listener);
    graceful.shutdown().await;
}

/// `Keep-Alive: timeout=N` on each answer that keeps its connection, as Apache and nginx send
/// it: a client that reads it (Node's agent does) stops reusing an idle connection before the
/// receiver closes it, instead of racing the close and losing a request.
fn announce_idle_timeout(app: Router, header_read_timeout: Duration) -> Router {
    // Whole seconds, rounded down: under a second announces 0, and such a client does not
    // reuse the connection at all.
    let hint = HeaderValue::from_str(&format!("timeout={}", header_read_timeout.as_secs()))
        .expect("ASCII digits");
    app.layer(map_response(move |mut response: Response| {
        let hint = hint.clone();
        async move {
            if !response.headers().contains_key(header::CONNECTION) {
                response.headers_mut().insert("keep-alive", hint);
            }
            response
        }
    }))
}

/// As axum and hyper do: a connection that failed before it was accepted is the client's
/// business; anything else (such as too many open files) is reported and waited out.
async fn accept_error(e: io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    eprintln!("receiver: accept error: {e}");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
