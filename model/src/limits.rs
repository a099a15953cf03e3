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
