//! Durable storage: every accepted request, and the answer given to each idempotency key.

use rusqlite::{params, Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long a call waits for a database another connection holds locked, unless told.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_millis(2000);
/// The health check's wait for a lock: at most this, so that it always answers quickly.
const HEALTH_BUSY_TIMEOUT: Duration = Duration::from_millis(50);

/// A stored answer to an idempotency key.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The canonical JSON of the body first sent with the key.
    pub body: String,
    pub status: u16,
    pub response: String,
}

/// Blocking calls: run them off the async workers (`tokio::task::spawn_blocking`).
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
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
        let conn = Connection::open(path)?;
        conn.busy_timeout(busy_timeout)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             CREATE TABLE IF NOT EXISTS requests (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 reference TEXT UNIQUE,
                 received_at TEXT NOT NULL,
                 body TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS idempotency (
                 key TEXT PRIMARY KEY,
                 body TEXT NOT NULL,
                 status INTEGER NOT NULL,
                 response TEXT NOT NULL,
                 created_at TEXT NOT NULL
             );",
        )?;
        let health = Connection::open(path)?;
        health.busy_timeout(busy_timeout.min(HEALTH_BUSY_TIMEOUT))?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
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
        let mut conn = self.lock()?;
        // IMMEDIATE: the write lock is taken (or waited for) at the start, so a lock held
        // elsewhere is met under the busy timeout, not as an upgrade that fails at once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(existing) = find_recorded(&tx, key)? {
            return Ok(Outcome::Existing(existing));
        }
        tx.execute(
            "INSERT INTO requests (received_at, body) VALUES (?1, ?2)",
            params![received_at, stored_json],
        )?;
        let id = tx.last_insert_rowid();
        let year = received_at.get(..4).unwrap_or("0000");
        let reference = format!("FT-{year}-{id:06}");
        tx.execute(
            "UPDATE requests SET reference = ?1 WHERE id = ?2",
            params![reference, id],
        )?;
        let response = respond(&reference);
        tx.execute(
            "INSERT INTO idempotency (key, body, status, response, created_at) VALUES (?1, ?2, 201, ?3, ?4)",
            params![key, canonical_body, response, received_at],
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
}

/// The answer recorded for an idempotency key (a `Transaction` derefs to its `Connection`).
fn find_recorded(conn: &Connection, key: &str) -> rusqlite::Result<Option<Recorded>> {
    conn.query_row(
        "SELECT body, status, response FROM idempotency WHERE key = ?1",
        params![key],
        |row| {
            Ok(Recorded {
                body: row.get(0)?,
                status: row.get(1)?,
                response: row.get(2)?,
            })
        },
    )
    .optional()
}
