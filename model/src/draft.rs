//! What the wizard collects: every answer exactly as typed or chosen, so nothing is lost and a
//! draft can be saved and restored whatever state it is in.

use crate::choices::{Product, RequesterKind};
use serde::{Deserialize, Serialize};

/// The two values of a yes/no radio question ("same as the requester?").
pub const YES_NO: [&str; 2] = ["yes", "no"];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// `customer` or `partner` (or empty: not answered yet).
    pub requester_kind: String,
    /// `name`, `domain` or `tpid`: asked of partners only.
    pub customer_id_kind: String,
    pub customer_id: String,
    /// Product codes, in the order chosen.
    pub products: Vec<String>,
    /// `YYYY-MM-DD`.
    pub deployment_date: String,
    pub data_migration: bool,
    pub user_adoption: bool,
    pub project_name: String,
    /// An ISO 3166-1 alpha-2 code.
    pub service_location: String,
    /// A FastTrack language code.
    pub language: String,
    pub licences: String,
    pub comments: String,
    pub requester: PersonDraft,
    pub primary_contact: ContactDraft,
    pub business_sponsor: ContactDraft,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub job_title: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    /// `yes`, `no` or empty.
    pub same_as_requester: String,
    pub name: String,
    pub email: String,
}

impl Draft {
    /// Partners identify a customer; customers' admins are not asked.
    pub fn is_partner(&self) -> bool {
        RequesterKind::from_code(&self.requester_kind) == Some(RequesterKind::Partner)
    }

    pub fn has_product(&self, product: Product) -> bool {
        self.products.iter().any(|p| p == product.code())
    }

    /// Ticks or unticks a product, keeping the order of the others.
    pub fn set_product(&mut self, product: Product, chosen: bool) {
        self.products.retain(|p| p != product.code());
        if chosen {
            self.products.push(product.code().to_owned());
        }
    }
}

impl ContactDraft {
    /// True when the contact's own name and email are asked (the answer is "no").
    pub fn is_someone_else(&self) -> bool {
        self.same_as_requester == YES_NO[1]
    }
}

/// Drafts as [`Json`] (the browser stores them as JSON text), read as serde's derive reads
/// them: a missing member is its default, an unknown one is ignored, and a member of the wrong
/// type makes the whole draft unreadable (`None`).
mod json {
    use super::{ContactDraft, Draft, PersonDraft};
    use crate::json::{object, Json};

    fn text(json: &Json, key: &str) -> Option<String> {
        match json.get(key) {
            None => Some(String::new()),
            Some(value) => value.as_str().map(str::to_owned),
        }
    }

    fn flag(json: &Json, key: &str) -> Option<bool> {
        match json.get(key) {
            None => Some(false),
            Some(value) => value.as_bool(),
        }
    }

    fn texts(json: &Json, key: &str) -> Option<Vec<String>> {
        match json.get(key) {
            None => Some(Vec::new()),
            Some(Json::Array(items)) => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect(),
            Some(_) => None,
        }
    }

    /// An object member, itself read by `read` (a missing one is the default).
    fn nested<T: Default>(json: &Json, key: &str, read: fn(&Json) -> Option<T>) -> Option<T> {
        match json.get(key) {
            None => Some(T::default()),
            Some(value) => read(value),
        }
    }

    fn is_object(json: &Json) -> bool {
        matches!(json, Json::Object(_))
    }

    impl Draft {
        pub fn to_json(&self) -> Json {
            object([
                ("requester_kind", self.requester_kind.as_str().into()),
                ("customer_id_kind", self.customer_id_kind.as_str().into()),
                ("customer_id", self.customer_id.as_str().into()),
                (
                    "products",
                    Json::Array(self.products.iter().map(|p| p.as_str().into()).collect()),
                ),
                ("deployment_date", self.deployment_date.as_str().into()),
                ("data_migration", self.data_migration.into()),
                ("user_adoption", self.user_adoption.into()),
                ("project_name", self.project_name.as_str().into()),
                ("service_location", self.service_location.as_str().into()),
                ("language", self.language.as_str().into()),
                ("licences", self.licences.as_str().into()),
                ("comments", self.comments.as_str().into()),
                ("requester", self.requester.to_json()),
                ("primary_contact", self.primary_contact.to_json()),
                ("business_sponsor", self.business_sponsor.to_json()),
            ])
        }

        /// The draft in `json`, an object; `None` when a member has the wrong type.
        pub fn from_json(json: &Json) -> Option<Draft> {
            if !is_object(json) {
                return None;
            }
            Some(Draft {
                requester_kind: text(json, "requester_kind")?,
                customer_id_kind: text(json, "customer_id_kind")?,
                customer_id: text(json, "customer_id")?,
                products: texts(json, "products")?,
                deployment_date: text(json, "deployment_date")?,
                data_migration: flag(json, "data_migration")?,
                user_adoption: flag(json, "user_adoption")?,
                project_name: text(json, "project_name")?,
                service_location: text(json, "service_location")?,
                language: text(json, "language")?,
                licences: text(json, "licences")?,
                comments: text(json, "comments")?,
                requester: nested(json, "requester", PersonDraft::from_json)?,
                primary_contact: nested(json, "primary_contact", ContactDraft::from_json)?,
                business_sponsor: nested(json, "business_sponsor", ContactDraft::from_json)?,
            })
        }
    }

    impl PersonDraft {
        pub fn to_json(&self) -> Json {
            object([
                ("name", self.name.as_str().into()),
                ("email", self.email.as_str().into()),
                ("phone", self.phone.as_str().into()),
                ("job_title", self.job_title.as_str().into()),
            ])
        }

        pub fn from_json(json: &Json) -> Option<PersonDraft> {
            if !is_object(json) {
                return None;
            }
            Some(PersonDraft {
                name: text(json, "name")?,
                email: text(json, "email")?,
                phone: text(json, "phone")?,
                job_title: text(json, "job_title")?,
            })
        }
    }

    impl ContactDraft {
        pub fn to_json(&self) -> Json {
            object([
                ("same_as_requester", self.same_as_requester.as_str().into()),
                ("name", self.name.as_str().into()),
                ("email", self.email.as_str().into()),
            ])
        }

        pub fn from_json(json: &Json) -> Option<ContactDraft> {
            if !is_object(json) {
                return None;
            }
            Some(ContactDraft {
                same_as_requester: text(json, "same_as_requester")?,
                name: text(json, "name")?,
                email: text(json, "email")?,
            })
        }
    }
}
