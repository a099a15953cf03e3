//! Durable storage: every accepted request, and the answer given to each idempotency key.
//!
//! What is kept, and for how long: a request's answers stay until the operator deletes them
//! (`receiver delete`); an idempotency record keeps the key, a SHA-256 of the body (never the
//! body) and the answer, and is purged once older than the retention window
//! ([`Store::purge_keys`]). Deleted rows are overwritten (`secure_delete`), not left in free
//! pages.

use crate::reference::new_reference;
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a call waits for a database another connection holds locked, unless told.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_millis(2000);
/// The health check's wait for a lock: at most this, so that it always answers quickly.
const HEALTH_BUSY_TIMEOUT: Duration = Duration::from_millis(50);

/// A stored answer to an idempotency key.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The SHA-256 (lowercase hex) of the canonical JSON first sent with the key.
    pub body_sha256: String,
    pub status: u16,
    pub response: String,
}

impl Recorded {
    /// Whether `canonical_body` is the body first sent with the key.
    pub fn same_body(&self, canonical_body: &str) -> bool {
        self.body_sha256 == sha256_hex(canonical_body)
    }
}

/// The lowercase hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// What `delete` found and erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    /// The request and its idempotency records are gone, from the file and its log.
    Erased,
    /// No request has that reference.
    NotFound,
    /// Gone from the tables, but another connection kept the write-ahead log from being
    /// emptied: old copies of its pages stay there until the next complete checkpoint.
    ErasedLogBusy,
}

/// Blocking calls: run them off the async workers (`tokio::task::spawn_blocking`).
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    /// How long a write waits for a lock held elsewhere.
    busy_timeout: Duration,
    /// The health check's own connection, so that it never queues behind a waiting write.
    health: Arc<Mutex<Connection>>,
}

#[derive(Debug)]
pub struct StoreError {
    pub message: String,
    /// The database stayed locked by another connection longer than the busy timeout.
    pub busy: bool,
}

impl StoreError {
    pub fn new(message: impl Into<String>) -> Self {
        StoreError {
            message: message.into(),
            busy: false,
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        let busy = matches!(
            e.sqlite_error_code(),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
        );
        StoreError {
            message: e.to_string(),
            busy,
        }
    }
}

/// What storing a new request gave.
pub enum Outcome {
    Stored {
        reference: String,
        response: String,
    },
    /// The key was already answered (a concurrent retry won the race).
    Existing(Recorded),
}

impl Store {
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_busy_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// `busy_timeout`: how long a call waits for a lock another connection holds before it
    /// fails as busy.
    pub fn open_with_busy_timeout(
        path: &Path,
        busy_timeout: Duration,
    ) -> Result<Store, StoreError> {
        // Created readable by the operator only: SQLite gives its log files the same mode.
        crate::private_files::create_if_missing(path)
            .map_err(|e| StoreError::new(format!("cannot create the database: {e}")))?;
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(busy_timeout)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             PRAGMA secure_delete = ON;
             CREATE TABLE IF NOT EXISTS requests (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 reference TEXT UNIQUE,
                 received_at TEXT NOT NULL,
                 body TEXT NOT NULL
             );",
        )?;
        create_idempotency_table(&mut conn)?;
        let health = Connection::open(path)?;
        health.busy_timeout(busy_timeout.min(HEALTH_BUSY_TIMEOUT))?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
            busy_timeout,
            health: Arc::new(Mutex::new(health)),
        })
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Connection>, StoreError> {
        self.conn
            .lock()
            .map_err(|_| StoreError::new("the database lock is poisoned"))
    }

    pub fn recorded(&self, key: &str) -> Result<Option<Recorded>, StoreError> {
        let conn = self.lock()?;
        Ok(find_recorded(&conn, key)?)
    }

    /// Stores a request and the answer to its key in one transaction. `respond` builds the
    /// answer from the new reference.
    pub fn store(
        &self,
        key: &str,
        canonical_body: &str,
        stored_json: &str,
        received_at: &str,
        respond: impl Fn(&str) -> String,
    ) -> Result<Outcome, StoreError> {
        self.store_by(None, key, canonical_body, stored_json, received_at, respond)
    }

    /// [`Store::store`], given up (as busy, nothing stored) when it cannot be done by `by`:
    /// writes wait in line for the one connection, and a lock held elsewhere is waited for
    /// only until then.
    pub fn store_by(
        &self,
        by: Option<Instant>,
        key: &str,
        canonical_body: &str,
        stored_json: &str,
        received_at: &str,
        respond: impl Fn(&str) -> String,
    ) -> Result<Outcome, StoreError> {
        let mut conn = self.lock()?;
        let wait = match by {
            Some(by) => {
                let left = by.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(StoreError {
                        message: "the request's time ran out while it waited to be stored".into(),
                        busy: true,
                    });
                }
                left.min(self.busy_timeout)
            }
            None => self.busy_timeout,
        };
        conn.busy_timeout(wait)?;
        let outcome = Self::store_in(
            &mut conn,
            key,
            canonical_body,
            stored_json,
            received_at,
            respond,
        );
        conn.busy_timeout(self.busy_timeout)?;
        outcome
    }

    fn store_in(
        conn: &mut Connection,
        key: &str,
        canonical_body: &str,
        stored_json: &str,
        received_at: &str,
        respond: impl Fn(&str) -> String,
    ) -> Result<Outcome, StoreError> {
        // IMMEDIATE: the write lock is taken (or waited for) at the start, so a lock held
        // elsewhere is met under the busy timeout, not as an upgrade that fails at once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(existing) = find_recorded(&tx, key)? {
            return Ok(Outcome::Existing(existing));
        }
        let reference = insert_request(&tx, received_at, stored_json)?;
        let response = respond(&reference);
        tx.execute(
            "INSERT INTO idempotency (key, body_sha256, reference, status, response, created_at)
             VALUES (?1, ?2, ?3, 201, ?4, ?5)",
            params![
                key,
                sha256_hex(canonical_body),
                reference,
                response,
                received_at
            ],
        )?;
        tx.commit()?;
        Ok(Outcome::Stored {
            reference,
            response,
        })
    }

    /// The database answers: one read of the requests table's first page, however many it holds.
    /// On a connection of its own that waits at most 50 ms for a lock, so that it answers
    /// quickly while a write waits (in WAL mode a writer does not block it; an exclusive lock
    /// held elsewhere makes it fail as busy).
    pub fn check(&self) -> Result<(), StoreError> {
        self.health
            .lock()
            .map_err(|_| StoreError::new("the database lock is poisoned"))?
            .query_row("SELECT EXISTS (SELECT 1 FROM requests)", [], |_| Ok(()))?;
        Ok(())
    }

    /// How many requests are stored (for the operator's `--count`, not for the web).
    pub fn count(&self) -> Result<i64, StoreError> {
        Ok(self
            .lock()?
            .query_row("SELECT COUNT(*) FROM requests", [], |r| r.get(0))?)
    }

    /// The stored JSON of a request, by reference.
    pub fn request(&self, reference: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT body FROM requests WHERE reference = ?1",
                params![reference],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Removes the idempotency records created before `cutoff` (a `received_at`-style UTC
    /// timestamp, `2026-11-22T10:04:05Z`); returns how many went. A key sent again after its
    /// record is gone is a new request.
    pub fn purge_keys(&self, cutoff: &str) -> Result<usize, StoreError> {
        Ok(self.lock()?.execute(
            "DELETE FROM idempotency WHERE created_at < ?1",
            params![cutoff],
        )?)
    }

    /// How many idempotency records are kept.
    pub fn key_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .lock()?
            .query_row("SELECT COUNT(*) FROM idempotency", [], |r| r.get(0))?)
    }

    /// Writes every stored request received at or after `since` (a UTC timestamp or date;
    /// all when `None`), oldest first, one JSON object a line:
    /// `{"reference":…,"received_at":…,"request":{…}}`. Returns how many were written.
    pub fn export(&self, since: Option<&str>, out: &mut impl Write) -> Result<u64, StoreError> {
        let conn = self.lock()?;
        let mut query = conn.prepare(
            "SELECT reference, received_at, body FROM requests
             WHERE reference IS NOT NULL AND received_at >= ?1 ORDER BY id",
        )?;
        let mut rows = query.query(params![since.unwrap_or("")])?;
        let mut written = 0;
        while let Some(row) = rows.next()? {
            let reference: String = row.get(0)?;
            let received_at: String = row.get(1)?;
            let body: String = row.get(2)?;
            let request = serde_json::from_str::<serde_json::Value>(&body)
                .unwrap_or(serde_json::Value::String(body));
            let line = serde_json::json!({
                "reference": reference,
                "received_at": received_at,
                "request": request,
            });
            writeln!(out, "{line}").map_err(|e| StoreError::new(e.to_string()))?;
            written += 1;
        }
        Ok(written)
    }

    /// Erases one request everywhere the receiver keeps it: its row, the idempotency records
    /// that answered with its reference, and the old copies of their pages in the write-ahead
    /// log (deleted content is overwritten, see `secure_delete`).
    pub fn delete(&self, reference: &str) -> Result<Deleted, StoreError> {
        let mut conn = self.lock()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = tx.execute(
            "DELETE FROM requests WHERE reference = ?1",
            params![reference],
        )?;
        tx.execute(
            "DELETE FROM idempotency WHERE reference = ?1",
            params![reference],
        )?;
        tx.commit()?;
        if found == 0 {
            return Ok(Deleted::NotFound);
        }
        // Copy the log into the file and empty it: until then the WAL holds the pages as they
        // were before the delete.
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(if busy == 0 {
            Deleted::Erased
        } else {
            Deleted::ErasedLogBusy
        })
    }
}

/// Creates the idempotency table, or brings one written by an earlier version (which kept
/// each key's whole body) to the current form: the body's hash replaces the body.
fn create_idempotency_table(conn: &mut Connection) -> rusqlite::Result<()> {
    // A file already in the current form needs no write: opening it must not wait for (or
    // fail on) a lock another process holds.
    let current = conn
        .prepare("SELECT 1 FROM pragma_table_info('idempotency') WHERE name = 'body_sha256'")?
        .exists([])?;
    if current {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let keeps_bodies = tx
        .prepare("SELECT 1 FROM pragma_table_info('idempotency') WHERE name = 'body'")?
        .exists([])?;
    if keeps_bodies {
        tx.execute_batch("ALTER TABLE idempotency RENAME TO idempotency_with_bodies")?;
    }
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS idempotency (
             key TEXT PRIMARY KEY,
             body_sha256 TEXT NOT NULL,
             reference TEXT,
             status INTEGER NOT NULL,
             response TEXT NOT NULL,
             created_at TEXT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS idempotency_created_at ON idempotency (created_at);
         CREATE INDEX IF NOT EXISTS idempotency_reference ON idempotency (reference);",
    )?;
    if keeps_bodies {
        let old: Vec<(String, String, u16, String, String)> = tx
            .prepare("SELECT key, body, status, response, created_at FROM idempotency_with_bodies")?
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (key, body, status, response, created_at) in old {
            let reference = serde_json::from_str::<serde_json::Value>(&response)
                .ok()
                .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned));
            tx.execute(
                "INSERT INTO idempotency (key, body_sha256, reference, status, response, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key, sha256_hex(&body), reference, status, response, created_at],
            )?;
        }
        // secure_delete is on: the bodies' pages are overwritten as the table goes.
        tx.execute_batch("DROP TABLE idempotency_with_bodies")?;
    }
    tx.commit()
}

/// Stores a request under a fresh random reference, drawn again in the rare case that one is
/// taken; returns the reference.
fn insert_request(
    conn: &Connection,
    received_at: &str,
    stored_json: &str,
) -> Result<String, StoreError> {
    let year = received_at.get(..4).unwrap_or("0000");
    for _ in 0..8 {
        let reference = new_reference(year)
            .ok_or_else(|| StoreError::new("the system's random source failed"))?;
        match conn.execute(
            "INSERT INTO requests (reference, received_at, body) VALUES (?1, ?2, ?3)",
            params![reference, received_at, stored_json],
        ) {
            Ok(_) => return Ok(reference),
            Err(e) if is_taken(&e) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(StoreError::new("no free reference after eight draws"))
}

/// A unique column's value is already stored (for `requests`, its reference).
fn is_taken(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
    )
}

/// The answer recorded for an idempotency key (a `Transaction` derefs to its `Connection`).
fn find_recorded(conn: &Connection, key: &str) -> rusqlite::Result<Option<Recorded>> {
    conn.query_row(
        "SELECT body_sha256, status, response FROM idempotency WHERE key = ?1",
        params![key],
        |row| {
            Ok(Recorded {
                body_sha256: row.get(0)?,
                status: row.get(1)?,
                response: row.get(2)?,
            })
        },
    )
    .optional()
}
