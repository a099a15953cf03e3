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
