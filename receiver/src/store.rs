//! Durable storage: every accepted request, and the answer given to each idempotency key.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// A stored answer to an idempotency key.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    /// The canonical JSON of the body first sent with the key.
    pub body: String,
    pub status: u16,
    pub response: String,
}

#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

#[derive(Debug)]
pub struct StoreError(pub String);

impl<E: std::fmt::Display> From<E> for StoreError {
    fn from(e: E) -> Self {
        StoreError(e.to_string())
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
        let conn = Connection::open(path)?;
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
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Connection>, StoreError> {
        self.conn
            .lock()
            .map_err(|_| StoreError("the database lock is poisoned".into()))
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
        let tx = conn.transaction()?;
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
    pub fn check(&self) -> Result<(), StoreError> {
        self.lock()?
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
