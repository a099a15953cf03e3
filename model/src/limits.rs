//! Maximum lengths, in characters, after trimming.

pub const PROJECT_NAME: usize = 80;
pub const CUSTOMER_NAME: usize = 120;
pub const PERSON_NAME: usize = 100;
pub const JOB_TITLE: usize = 100;
pub const EMAIL: usize = 254;
pub const PHONE: usize = 30;
pub const COMMENTS: usize = 2000;
pub const DOMAIN: usize = 253;
pub const TPID_DIGITS: usize = 12;
/// More licences than any tenant has: a typo, not a request.
pub const LICENCES: u32 = 10_000_000;

/// The contract's idempotency-key window (`schema/openapi.yaml`): for at least this long after
/// a request's `Idempotency-Key` is first used, a backend answers that key again with its first
/// answer. The app never sends a key again once it is older, since the backend may have
/// forgotten it: sending it then could store the request twice.
pub const IDEMPOTENCY_KEY_HOURS: u32 = 24;
