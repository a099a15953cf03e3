//! What is sent: the validated request, as JSON. Fields a previous answer hides are absent.
//!
//! The schema attributes generate schema/request.schema.json (`make schema`); the patterns and
//! the rules that join fields are in `schema.rs`.

use crate::choices::{CustomerIdKind, FastTrackLanguage, Product, RequesterKind};
use crate::draft::{ContactDraft, Draft, PersonDraft, YES_NO};
#[cfg(feature = "schema")]
use crate::limits;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

/// The payload's version; a change that is not backwards compatible increments it.
pub const SCHEMA_VERSION: u32 = 1;

/// A request for FastTrack assistance with Microsoft 365 (schema version 1). The schema's
/// description (`schema.rs`) adds the rules a JSON Schema cannot express.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        description = crate::schema::DESCRIPTION,
        transform = crate::schema::request_rules
    )
)]
#[serde(deny_unknown_fields)]
pub struct AssistanceRequest {
    /// Always 1 for this version of the payload.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub schema_version: u32,
    pub requester_kind: RequesterKind,
    /// An object when a partner asks on behalf of a customer; absent (or `null`) on a customer
    /// admin's request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerRef>,
    /// The product families to get help with: at least one, each once.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("uniqueItems" = true)))]
    pub products: Vec<Product>,
    /// `YYYY-MM-DD`, after the day the request was made.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), extend("format" = "date")))]
    pub planned_deployment_date: String,
    /// Data migration needs 500 licences or more.
    pub data_migration: bool,
    pub user_adoption: bool,
    pub organisation: Organisation,
    pub requester: Person,
    pub primary_contact: Contact,
    pub business_sponsor: Contact,
    /// Line breaks and tabs are kept; other control characters are refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(length(max = limits::COMMENTS), regex(pattern = crate::schema::comments()))
    )]
    pub comments: Option<String>,
}

/// The payload as serde's derive reads it; [`AssistanceRequest`]'s `Deserialize` adds the rules
/// of the payload's shape a derive cannot check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    schema_version: u32,
    requester_kind: RequesterKind,
    #[serde(default)]
    customer: Option<CustomerRef>,
    products: Vec<Product>,
    planned_deployment_date: String,
    data_migration: bool,
    user_adoption: bool,
    organisation: Organisation,
    requester: Person,
    primary_contact: Contact,
    business_sponsor: Contact,
    #[serde(default)]
    comments: Option<String>,
}

/// Read from JSON, a request is refused (as not matching the schema) when a product is listed
/// twice or a customer admin's request names a customer.
impl<'de> Deserialize<'de> for AssistanceRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = Wire::deserialize(deserializer)?;
        // The schema's `uniqueItems`: the rules would silently drop the repeat.
        for (i, product) in w.products.iter().enumerate() {
            if w.products[..i].contains(product) {
                return Err(D::Error::custom(format!(
                    "product `{}` is listed twice: list each product once",
                    product.code()
                )));
            }
        }
        // The schema's `customer` on partners' requests only: the rules would ignore it.
        if w.requester_kind == RequesterKind::Customer && w.customer.is_some() {
            return Err(D::Error::custom(
                "a customer admin's request has no `customer`: it is for partners' requests",
            ));
        }
        Ok(AssistanceRequest {
            schema_version: w.schema_version,
            requester_kind: w.requester_kind,
            customer: w.customer,
            products: w.products,
            planned_deployment_date: w.planned_deployment_date,
            data_migration: w.data_migration,
            user_adoption: w.user_adoption,
            organisation: w.organisation,
            requester: w.requester,
            primary_contact: w.primary_contact,
            business_sponsor: w.business_sponsor,
            comments: w.comments,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = crate::schema::customer_rules))]
#[serde(deny_unknown_fields)]
pub struct CustomerRef {
    pub identified_by: CustomerIdKind,
    /// The name (up to 120 characters), the domain (e.g. `contoso.onmicrosoft.com`, up to 253
    /// characters) or the TPID (digits only, up to 12).
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = limits::DOMAIN)))]
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Unique per request, trimmed.
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1, max = limits::PROJECT_NAME), regex(pattern = crate::schema::single_line()))
    )]
    pub project_name: String,
    /// ISO 3166-1 alpha-2: an officially assigned code.
    #[cfg_attr(feature = "schema", schemars(extend("enum" = crate::REGIONS)))]
    pub service_location: String,
    pub preferred_language: FastTrackLanguage,
    /// FastTrack needs 150 or more; data migration needs 500 or more.
    #[cfg_attr(feature = "schema", schemars(range(min = crate::FASTTRACK_MIN_LICENCES, max = limits::LICENCES)))]
    pub licences: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1, max = limits::PERSON_NAME), regex(pattern = crate::schema::single_line()))
    )]
    pub name: String,
    /// `name@example.com`: internationalised addresses (`josé@bücher.de`) are accepted, and
    /// punycode (`ana@xn--bcher-kva.de`, `a@b.xn--p1ai`).
    #[cfg_attr(
        feature = "schema",
        schemars(
            length(max = limits::EMAIL),
            regex(pattern = crate::schema::email()),
            extend("allOf" = [{ "pattern": crate::schema::EMAIL_LOCAL_PART }])
        )
    )]
    pub email: String,
    /// International format: `+` (or `00`), then 8 to 15 digits with spaces, dots, hyphens
    /// or brackets between them; at most 30 characters.
    #[cfg_attr(
        feature = "schema",
        schemars(length(max = limits::PHONE), regex(pattern = crate::schema::PHONE))
    )]
    pub phone: String,
    #[cfg_attr(
        feature = "schema",
        schemars(length(min = 1, max = limits::JOB_TITLE), regex(pattern = crate::schema::single_line()))
    )]
    pub job_title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Contact {
    // A struct variant, not a unit one: serde refuses other fields only on struct variants.
    SameAsRequester {},
    Named {
        #[cfg_attr(
            feature = "schema",
            schemars(length(min = 1, max = limits::PERSON_NAME), regex(pattern = crate::schema::single_line()))
        )]
        name: String,
        /// As the requester's e-mail address.
        #[cfg_attr(
            feature = "schema",
            schemars(
                length(max = limits::EMAIL),
                regex(pattern = crate::schema::email()),
                extend("allOf" = [{ "pattern": crate::schema::EMAIL_LOCAL_PART }])
            )
        )]
        email: String,
    },
}

impl AssistanceRequest {
    /// True when this is a payload version this build reads.
    pub fn is_supported_version(&self) -> bool {
        self.schema_version == SCHEMA_VERSION
    }

    /// The answers that would produce this request: a receiver validates a request by running
    /// the same rules over them, so there is one set of rules on both sides of the wire.
    pub fn to_draft(&self) -> Draft {
        let contact = |c: &Contact| match c {
            Contact::SameAsRequester {} => ContactDraft {
                same_as_requester: YES_NO[0].to_owned(),
                ..ContactDraft::default()
            },
            Contact::Named { name, email } => ContactDraft {
                same_as_requester: YES_NO[1].to_owned(),
                name: name.clone(),
                email: email.clone(),
            },
        };
        Draft {
            requester_kind: self.requester_kind.code().to_owned(),
            customer_id_kind: self
                .customer
                .as_ref()
                .map(|c| c.identified_by.code().to_owned())
                .unwrap_or_default(),
            customer_id: self
                .customer
                .as_ref()
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            products: self.products.iter().map(|p| p.code().to_owned()).collect(),
            deployment_date: self.planned_deployment_date.clone(),
            data_migration: self.data_migration,
            user_adoption: self.user_adoption,
            project_name: self.organisation.project_name.clone(),
            service_location: self.organisation.service_location.clone(),
            language: self.organisation.preferred_language.code().to_owned(),
            licences: self.organisation.licences.to_string(),
            comments: self.comments.clone().unwrap_or_default(),
            requester: PersonDraft {
                name: self.requester.name.clone(),
                email: self.requester.email.clone(),
                phone: self.requester.phone.clone(),
                job_title: self.requester.job_title.clone(),
            },
            primary_contact: contact(&self.primary_contact),
            business_sponsor: contact(&self.business_sponsor),
        }
    }
}
