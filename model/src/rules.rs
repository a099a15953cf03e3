//! Every validation rule, in one place. The browser runs them on Continue; the receiver runs
//! them on every request it is sent ([`AssistanceRequest::to_draft`] then [`validate`]).
//!
//! Rules only look at fields the earlier answers make visible: a customer's admin is never
//! asked about "the customer", a contact "same as the requester" has no name to check.

use crate::choices::{CustomerIdKind, FastTrackLanguage, Product, RequesterKind};
use crate::date::Date;
use crate::draft::{ContactDraft, Draft, YES_NO};
use crate::error::{ErrorCode, Field, FieldError};
use crate::limits;
use crate::regions::REGIONS;
use crate::request::{
    AssistanceRequest, Contact, CustomerRef, Organisation, Person, SCHEMA_VERSION,
};
use crate::step::Step;
use crate::text;

/// FastTrack assistance needs this many licences or more.
pub const FASTTRACK_MIN_LICENCES: u32 = 150;
/// The data-migration benefit needs this many licences or more.
pub const MIGRATION_MIN_LICENCES: u32 = 500;

/// The errors on one step's fields, in the order the step shows them.
pub fn validate_step(step: Step, draft: &Draft, today: Date) -> Vec<FieldError> {
    let mut errors = Errors::default();
    match step {
        Step::About => {
            about(draft, &mut errors);
        }
        Step::Services => {
            services(draft, today, &mut errors);
        }
        Step::Organisation => {
            organisation(draft, &mut errors);
        }
        Step::Requester => {
            requester(draft, &mut errors);
        }
        Step::Contacts => {
            contacts(draft, &mut errors);
        }
    }
    errors.0
}

/// Every rule over every step: the request to send, or every error, in step order.
pub fn validate(draft: &Draft, today: Date) -> Result<AssistanceRequest, Vec<FieldError>> {
    let mut errors = Errors::default();
    let about = about(draft, &mut errors);
    let services = services(draft, today, &mut errors);
    let organisation = organisation(draft, &mut errors);
    let requester = requester(draft, &mut errors);
    let contacts = contacts(draft, &mut errors);
    match (about, services, organisation, requester, contacts) {
        (
            Some((requester_kind, customer)),
            Some((products, date)),
            Some((organisation, comments)),
            Some(requester),
            Some((primary_contact, business_sponsor)),
        ) if errors.0.is_empty() => Ok(AssistanceRequest {
            schema_version: SCHEMA_VERSION,
            requester_kind,
            customer,
            products,
            planned_deployment_date: date.to_string(),
            data_migration: draft.data_migration,
            user_adoption: draft.user_adoption,
            organisation,
            requester,
            primary_contact,
            business_sponsor,
            comments,
        }),
        _ => Err(errors.0),
    }
}

#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn add(&mut self, field: Field, code: ErrorCode) {
        self.0.push(FieldError { field, code });
    }

    /// Records the error, if any, and passes the value on.
    fn check<T>(&mut self, field: Field, result: Result<T, ErrorCode>) -> Option<T> {
        result.map_err(|code| self.add(field, code)).ok()
    }
}

fn about(d: &Draft, e: &mut Errors) -> Option<(RequesterKind, Option<CustomerRef>)> {
    let kind = e.check(
        Field::RequesterKind,
        choice(&d.requester_kind, RequesterKind::from_code),
    )?;
    if kind == RequesterKind::Customer {
        return Some((kind, None));
    }
    let by = e.check(
        Field::CustomerIdKind,
        choice(&d.customer_id_kind, CustomerIdKind::from_code),
    );
    let value = by.and_then(|by| {
        let result = match by {
            CustomerIdKind::Name => text(&d.customer_id, limits::CUSTOMER_NAME),
            CustomerIdKind::Domain => domain(&d.customer_id),
            CustomerIdKind::Tpid => tpid(&d.customer_id),
        };
        e.check(Field::CustomerId, result)
    });
    Some((
        kind,
        Some(CustomerRef {
            identified_by: by?,
            value: value?,
        }),
    ))
}

fn services(d: &Draft, today: Date, e: &mut Errors) -> Option<(Vec<Product>, Date)> {
    let products = e.check(Field::Products, products(&d.products));
    let date = e.check(
        Field::DeploymentDate,
        future_date(&d.deployment_date, today),
    );
    Some((products?, date?))
}

fn organisation(d: &Draft, e: &mut Errors) -> Option<(Organisation, Option<String>)> {
    let project_name = e.check(
        Field::ProjectName,
        text(&d.project_name, limits::PROJECT_NAME),
    );
    let location = e.check(
        Field::ServiceLocation,
        choice(&d.service_location, |c| {
            REGIONS.iter().find(|r| **r == c).copied()
        }),
    );
    let language = e.check(
        Field::Language,
        choice(&d.language, FastTrackLanguage::from_code),
    );
    let licences = e.check(
        Field::Licences,
        parse_licences(&d.licences).and_then(|n| eligible(n, d.data_migration)),
    );
    let comments = e.check(Field::Comments, comments(&d.comments));
    Some((
        Organisation {
            project_name: project_name?,
            service_location: location?.to_owned(),
            preferred_language: language?,
            licences: licences?,
        },
        comments?,
    ))
}

fn requester(d: &Draft, e: &mut Errors) -> Option<Person> {
    let p = &d.requester;
    let name = e.check(Field::RequesterName, text(&p.name, limits::PERSON_NAME));
    let email = e.check(Field::RequesterEmail, email(&p.email));
    let phone = e.check(Field::RequesterPhone, phone(&p.phone));
    let job_title = e.check(
        Field::RequesterJobTitle,
        text(&p.job_title, limits::JOB_TITLE),
    );
    Some(Person {
        name: name?,
        email: email?,
        phone: phone?,
        job_title: job_title?,
    })
}

fn contacts(d: &Draft, e: &mut Errors) -> Option<(Contact, Contact)> {
    let primary = contact(
        &d.primary_contact,
        [
            Field::PrimaryContactSame,
            Field::PrimaryContactName,
            Field::PrimaryContactEmail,
        ],
        e,
    );
    let sponsor = contact(
        &d.business_sponsor,
        [Field::SponsorSame, Field::SponsorName, Field::SponsorEmail],
        e,
    );
    Some((primary?, sponsor?))
}

fn contact(c: &ContactDraft, [same, name, mail]: [Field; 3], e: &mut Errors) -> Option<Contact> {
    let is_same = e.check(
        same,
        choice(&c.same_as_requester, |v| {
            YES_NO.iter().position(|x| *x == v)
        }),
    )?;
    if is_same == 0 {
        return Some(Contact::SameAsRequester {});
    }
    let name = e.check(name, text(&c.name, limits::PERSON_NAME));
    let email = e.check(mail, email(&c.email));
    Some(Contact::Named {
        name: name?,
        email: email?,
    })
}

// ---- Single-value rules ----

fn choice<T>(value: &str, find: impl Fn(&str) -> Option<T>) -> Result<T, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    find(value).ok_or(ErrorCode::UnknownChoice)
}

/// A required single-line text: trimmed, no control characters (bidirectional controls
/// included), at most `max` characters.
fn text(value: &str, max: usize) -> Result<String, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    if value
        .chars()
        .any(|c| c.is_control() || text::is_bidi_control(c))
    {
        return Err(ErrorCode::ControlCharacters);
    }
    if value.chars().count() > max {
        return Err(ErrorCode::TooLong);
    }
    Ok(value.to_owned())
}

fn comments(value: &str) -> Result<Option<String>, ErrorCode> {
    let value = text::trim(value);
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ErrorCode::ControlCharacters);
    }
    if value.chars().count() > limits::COMMENTS {
        return Err(ErrorCode::TooLong);
    }
    Ok((!value.is_empty()).then(|| value.to_owned()))
}

fn products(codes: &[String]) -> Result<Vec<Product>, ErrorCode> {
    let mut chosen: Vec<Product> = Vec::new();
    for code in codes {
        let product = Product::from_code(code).ok_or(ErrorCode::UnknownChoice)?;
        if !chosen.contains(&product) {
            chosen.push(product);
        }
    }
    if chosen.is_empty() {
        return Err(ErrorCode::Required);
    }
    Ok(chosen)
}

fn future_date(value: &str, today: Date) -> Result<Date, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    let date = Date::parse(value).ok_or(ErrorCode::InvalidDate)?;
    if date <= today {
        return Err(ErrorCode::DateNotInFuture);
    }
    Ok(date)
}

/// A whole number of licences. Spaces and thousands separators are accepted (`1 000`,
/// `1,000`, `1.000`) because readers type numbers the way their language writes them.
pub fn parse_licences(value: &str) -> Result<u32, ErrorCode> {
    let compact: String = text::trim(value)
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if compact.is_empty() {
        return Err(ErrorCode::Required);
    }
    let digits = if compact.bytes().all(|b| b.is_ascii_digit()) {
        compact
    } else {
        thousands(&compact).ok_or(ErrorCode::NotAWholeNumber)?
    };
    let digits = digits.trim_start_matches('0');
    if digits.len() > 9 {
        return Err(ErrorCode::TooLong);
    }
    let n: u32 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| ErrorCode::NotAWholeNumber)?
    };
    if n > limits::LICENCES {
        return Err(ErrorCode::TooLong);
    }
    Ok(n)
}

/// `1,000,000` or `1.000.000` -> `1000000`: one separator kind, groups of three after the first.
fn thousands(value: &str) -> Option<String> {
    let sep = value.chars().find(|c| !c.is_ascii_digit())?;
    if sep != ',' && sep != '.' {
        return None;
    }
    let mut groups = value.split(sep);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut out = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(group);
    }
    first_ok.then_some(out)
}

fn eligible(licences: u32, data_migration: bool) -> Result<u32, ErrorCode> {
    if licences < FASTTRACK_MIN_LICENCES {
        Err(ErrorCode::BelowFastTrackMinimum)
    } else if data_migration && licences < MIGRATION_MIN_LICENCES {
        Err(ErrorCode::BelowMigrationMinimum)
    } else {
        Ok(licences)
    }
}

/// `name@example.com`: one `@`, a plain local part (of any script), and a host name with a dot.
fn email(value: &str) -> Result<String, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    if value.chars().count() > limits::EMAIL {
        return Err(ErrorCode::TooLong);
    }
    let (local, host) = value.split_once('@').ok_or(ErrorCode::InvalidEmail)?;
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !text::is_invisible(c)
                && !"()<>[]\\,;:@\"".contains(c)
        });
    // An address's domain has no final dot (`a@b.com.` is not an address one can write to).
    if !local_ok || hostname(host).is_none() {
        return Err(ErrorCode::InvalidEmail);
    }
    Ok(value.to_owned())
}

/// A host name: two labels or more, each of letters and digits (of any script) and inner
/// hyphens, 1 to 63 characters; the last one two letters or more, or an IDNA A-label
/// (`xn--p1ai`, Russia's `.рф`); at most 253 characters. Its ASCII letters are lower-cased, as
/// DNS compares names (RFC 4343); letters of other scripts are kept as typed: mapping their
/// case is IDNA's, and Unicode's case table would be the largest thing in the wizard's wasm
/// (11.7 kB, 4.6 kB of brotli: bench/README.md).
fn hostname(value: &str) -> Option<String> {
    if value.is_empty() || value.chars().count() > limits::DOMAIN {
        return None;
    }
    let labels: Vec<&str> = value.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.chars().count() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let a_label = |t: &str| {
        t.len() > 4
            && t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
            && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let tld_ok = labels.last().is_some_and(|t| {
        (t.chars().count() >= 2 && t.chars().all(char::is_alphabetic)) || a_label(t)
    });
    (labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok).then(|| value.to_ascii_lowercase())
}

/// A customer's domain: a host name, with or without the final dot (dropped); at most 253
/// characters as written.
fn domain(value: &str) -> Result<String, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    if value.chars().count() > limits::DOMAIN {
        return Err(ErrorCode::InvalidDomain);
    }
    hostname(value.strip_suffix('.').unwrap_or(value)).ok_or(ErrorCode::InvalidDomain)
}

fn tpid(value: &str) -> Result<String, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    let ok = value.len() <= limits::TPID_DIGITS && value.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ErrorCode::InvalidTpid)
    }
}

/// International format: `+` (or `00`) and the country code, then 8 to 15 digits in all,
/// with spaces, dots, hyphens or brackets between them. Kept as typed, trimmed.
fn phone(value: &str) -> Result<String, ErrorCode> {
    let value = text::trim(value);
    if value.is_empty() {
        return Err(ErrorCode::Required);
    }
    if value.chars().count() > limits::PHONE {
        return Err(ErrorCode::InvalidPhone);
    }
    let rest = value
        .strip_prefix('+')
        .or_else(|| value.strip_prefix("00"))
        .ok_or(ErrorCode::InvalidPhone)?;
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let only_allowed = rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
    let starts_with_digit = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    if only_allowed && starts_with_digit && (8..=15).contains(&digits) {
        Ok(value.to_owned())
    } else {
        Err(ErrorCode::InvalidPhone)
    }
}
