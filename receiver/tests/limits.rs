//! The receiver's deadlines and its bound on requests under way, over real TCP connections
//! to a server started here on 127.0.0.1 (each test ends its connections and its server).

mod common;

use receiver::{router, serve, Limits, Settings, Store};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A receiver on a free port of 127.0.0.1, served until the test's runtime ends.
async fn start(path: &std::path::Path, limits: Limits) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let settings = Settings {
        limits,
        ..Settings::default()
    };
    tokio::spawn(serve(
        listener,
        router(Store::open(path).unwrap(), settings),
        limits.header_read_timeout,
        std::future::pending(),
    ));
    address
}

fn seconds(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// The head of a POST whose body is `length` bytes long.
fn post_head(length: usize) -> String {
    format!(
        "POST /api/requests HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n\
         idempotency-key: k-slow\r\ncontent-length: {length}\r\n\r\n"
    )
}

/// Everything the server sends until it closes the connection, and when it closed it; `None`
/// when it is still open after `limit`.
async fn read_until_closed(
    stream: &mut (impl AsyncReadExt + Unpin),
    limit: Duration,
) -> Option<(String, Duration)> {
    let start = Instant::now();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout_at((start + limit).into(), stream.read(&mut buffer)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
        }
    }
    Some((
        String::from_utf8_lossy(&received).into_owned(),
        start.elapsed(),
    ))
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: serde_json::Value,
}

impl Answer {
    fn parse(raw: &str) -> Answer {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status line in {raw:?}"));
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let body = serde_json::from_str(body).unwrap_or(serde_json::Value::Null);
        Answer {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn problem_type(&self) -> &str {
        self.body["type"].as_str().unwrap_or_default()
    }
}

/// One `GET /api/health` on a connection of its own, closed after the answer.
async fn health(address: SocketAddr) -> Answer {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let (raw, _) = read_until_closed(&mut stream, seconds(5.0))
        .await
        .expect("an answer to /api/health within 5 s");
    Answer::parse(&raw)
}

#[tokio::test]
async fn a_head_that_never_ends_is_cut_off_at_the_header_deadline() {
    let path = common::db_path("limits", "head");
    let address = start(
        &path,
        Limits {
            header_read_timeout: seconds(1.0),
            ..Limits::default()
        },
    )
    .await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"POST /api/requests HTTP/1.1\r\nhost: 127.0.0.1\r\n")
        .await
        .unwrap();
    let (_, after) = read_until_closed(&mut stream, seconds(5.0))
        .await
        .expect("the connection is closed within 5 s");
    assert!(
        after >= seconds(0.8),
        "closed after {after:?}, before the deadline"
    );
}

#[tokio::test]
async fn an_idle_connection_is_closed_at_the_header_deadline_it_announces() {
    let path = common::db_path("limits", "idle");
    let address = start(
        &path,
        Limits {
            header_read_timeout: seconds(1.0),
            ..Limits::default()
        },
    )
    .await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let (raw, after) = read_until_closed(&mut stream, seconds(5.0))
        .await
        .expect("the kept-alive connection is closed within 5 s");
    let answer = Answer::parse(&raw);
    assert_eq!(answer.status, 200, "{raw}");
    assert_eq!(answer.header("keep-alive"), Some("timeout=1"), "{raw}");
    assert!(
        after >= seconds(0.8),
        "closed after {after:?}, before the deadline"
    );
}

#[tokio::test]
async fn a_body_that_stops_coming_is_a_408_and_the_connection_closes() {
    let path = common::db_path("limits", "stalled");
    let address = start(
        &path,
        Limits {
            body_read_timeout: seconds(1.0),
            ..Limits::default()
        },
    )
    .await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(post_head(200).as_bytes()).await.unwrap();
    stream.write_all(b"{\"schema_version\": 1, ").await.unwrap();
    let (raw, after) = read_until_closed(&mut stream, seconds(5.0))
        .await
        .expect("an answer and a closed connection within 5 s");
    let answer = Answer::parse(&raw);
    assert_eq!(answer.status, 408, "{raw}");
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(answer.header("connection"), Some("close"));
    assert!(answer.problem_type().ends_with("/body-timeout"), "{raw}");
    assert!(
        after >= seconds(0.8),
        "answered after {after:?}, before the deadline"
    );
    assert_eq!(Store::open(&path).unwrap().count().unwrap(), 0);
}

#[tokio::test]
async fn a_body_that_trickles_is_a_408_at_the_request_deadline() {
    let path = common::db_path("limits", "trickle");
    let address = start(
        &path,
        Limits {
            body_read_timeout: seconds(1.0),
            request_timeout: seconds(2.0),
            ..Limits::default()
        },
    )
    .await;
    let stream = TcpStream::connect(address).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    writer.write_all(post_head(200).as_bytes()).await.unwrap();
    // One byte every 0.3 s: never a wait as long as the body deadline, and at most 8 s.
    let trickle = tokio::spawn(async move {
        for _ in 0..27 {
            if writer.write_all(b" ").await.is_err() {
                break;
            }
            tokio::time::sleep(seconds(0.3)).await;
        }
    });
    let (raw, after) = read_until_closed(&mut reader, seconds(6.0))
        .await
        .expect("an answer and a closed connection within 6 s");
    trickle.abort();
    let answer = Answer::parse(&raw);
    assert_eq!(answer.status, 408, "{raw}");
    assert!(answer.problem_type().ends_with("/timeout"), "{raw}");
    assert_eq!(answer.header("connection"), Some("close"));
    assert!(
        after >= seconds(1.8),
        "answered after {after:?}, before the deadline"
    );
}

/// A whole POST of a valid request, on a connection closed after its answer.
fn whole_post(key: &str) -> String {
    let body = common::valid_json().to_string();
    format!(
        "POST /api/requests HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n\
         idempotency-key: {key}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn requests_beyond_the_bound_are_refused_with_503_and_retry_after() {
    let path = common::db_path("limits", "busy");
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let limits = Limits {
        max_in_flight: 2,
        request_timeout: seconds(30.0),
        ..Limits::default()
    };
    let store = Store::open_with_busy_timeout(&path, seconds(20.0)).unwrap();
    tokio::spawn(serve(
        listener,
        router(
            store,
            Settings {
                limits,
                ..Settings::default()
            },
        ),
        limits.header_read_timeout,
        std::future::pending(),
    ));
    // Two requests under way: each waits for the database, which another connection holds.
    // (A probe that comes first takes a place for a moment, and a held request may be the one
    // refused: then again.)
    let lock = rusqlite::Connection::open(&path).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let mut held = Vec::new();
    let mut refused = None;
    for attempt in 0..20 {
        held.clear();
        for i in 0..2 {
            let mut stream = TcpStream::connect(address).await.unwrap();
            let post = whole_post(&format!("k-held-{attempt}-{i}"));
            stream.write_all(post.as_bytes()).await.unwrap();
            held.push(stream);
        }
        tokio::time::sleep(seconds(0.1)).await;
        let answer = health(address).await;
        if answer.status == 503 {
            refused = Some(answer);
            break;
        }
        assert_eq!(answer.status, 200);
    }
    let refused = refused.expect("a 503 while two requests are held");
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert_eq!(
        refused.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(refused.body["status"], 503);
    assert!(refused.problem_type().ends_with("/busy"));

    // The lock goes: the held requests are stored and answered, their places free, and
    // requests are served again.
    lock.execute_batch("COMMIT").unwrap();
    for mut stream in held {
        let (raw, _) = read_until_closed(&mut stream, seconds(10.0))
            .await
            .expect("the held request is answered");
        assert_eq!(Answer::parse(&raw).status, 201, "{raw}");
    }
    assert_eq!(health(address).await.status, 200);
}

#[tokio::test]
async fn bodies_that_trickle_hold_no_place_among_the_requests_under_way() {
    let path = common::db_path("limits", "slow-bodies");
    let address = start(
        &path,
        Limits {
            max_in_flight: 2,
            body_read_timeout: seconds(5.0),
            request_timeout: seconds(10.0),
            ..Limits::default()
        },
    )
    .await;
    // More slow bodies than places, each sending a byte now and then (never a pause as long as
    // the body deadline): a byte every 0.5 s for 4 s.
    let mut trickles = Vec::new();
    for _ in 0..6 {
        let stream = TcpStream::connect(address).await.unwrap();
        let (reader, mut writer) = stream.into_split();
        writer.write_all(post_head(200).as_bytes()).await.unwrap();
        trickles.push((
            reader,
            tokio::spawn(async move {
                for _ in 0..8 {
                    if writer.write_all(b" ").await.is_err() {
                        break;
                    }
                    tokio::time::sleep(seconds(0.5)).await;
                }
            }),
        ));
    }
    tokio::time::sleep(seconds(0.3)).await;
    // Meanwhile a normal client is served at once: health, and a POST stored.
    let started = Instant::now();
    let answer = health(address).await;
    assert_eq!(answer.status, 200, "health refused while bodies trickle");
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(whole_post("k-normal").as_bytes())
        .await
        .unwrap();
    let (raw, _) = read_until_closed(&mut stream, seconds(5.0))
        .await
        .expect("the normal POST is answered");
    assert_eq!(Answer::parse(&raw).status, 201, "{raw}");
    assert!(started.elapsed() < seconds(2.0), "{:?}", started.elapsed());
    for (_, trickle) in trickles {
        trickle.abort();
    }
    assert_eq!(Store::open(&path).unwrap().count().unwrap(), 1);
}

#[tokio::test]
async fn a_stop_frees_the_port_at_once_and_lets_the_request_under_way_end() {
    let path = common::db_path("limits", "stop");
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let limits = Limits {
        body_read_timeout: seconds(2.0),
        ..Limits::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(
        listener,
        router(
            Store::open(&path).unwrap(),
            Settings {
                limits,
                ..Settings::default()
            },
        ),
        limits.header_read_timeout,
        async {
            let _ = stopped.await;
        },
    ));
    // A kept-alive connection, idle after its answer, and a request whose body is late.
    let mut idle = TcpStream::connect(address).await.unwrap();
    idle.write_all(b"GET /api/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let mut buffer = [0u8; 1024];
    let n = idle.read(&mut buffer).await.unwrap();
    assert!(buffer[..n].starts_with(b"HTTP/1.1 200"));
    let mut late = TcpStream::connect(address).await.unwrap();
    late.write_all(post_head(200).as_bytes()).await.unwrap();
    tokio::time::sleep(seconds(0.2)).await;

    stop.send(()).unwrap();
    tokio::time::sleep(seconds(0.2)).await;
    assert!(
        !server.is_finished(),
        "the request under way was not waited for"
    );
    assert!(
        TcpStream::connect(address).await.is_err(),
        "still listening"
    );
    assert!(read_until_closed(&mut idle, seconds(1.0)).await.is_some());
    let (raw, _) = read_until_closed(&mut late, seconds(5.0))
        .await
        .expect("the late request is answered");
    assert_eq!(Answer::parse(&raw).status, 408, "{raw}");
    tokio::time::timeout(seconds(3.0), server)
        .await
        .expect("the server ended")
        .unwrap();
}
