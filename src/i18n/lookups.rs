//! Lookups the generated strings structs do not have: an entry by the model's enums, or by a
//! content section's id. (The structs themselves are generated from content/locales/en.toml:
//! see the module's doc.)

use super::{
    Choice, CustomerIdKindsText, FieldText, FieldsText, LanguagesText, RequesterKindsText,
    SectionsText, StepText, StepsText,
};
use fasttrack_model::{CustomerIdKind, FastTrackLanguage, Field, RequesterKind, Step};

impl SectionsText {
    /// The label of a content section id; `None` for an id this build does not know.
    pub fn get(&self, id: &str) -> Option<&'static str> {
        Some(match id {
            "the-fasttrack-process" => self.the_fasttrack_process,
            "the-onboarding-process" => self.the_onboarding_process,
            "getting-help" => self.getting_help,
            "fasttrack-center" => self.fasttrack_center,
            "meeting-schedule" => self.meeting_schedule,
            "partners" => self.partners,
            "roles-and-responsibilities" => self.roles_and_responsibilities,
            _ => return None,
        })
    }
}

impl StepsText {
    pub fn get(&self, step: Step) -> &StepText {
        match step {
            Step::About => &self.about,
            Step::Services => &self.services,
            Step::Organisation => &self.organisation,
            Step::Requester => &self.requester,
            Step::Contacts => &self.contacts,
        }
    }
}

impl RequesterKindsText {
    pub fn get(&self, kind: RequesterKind) -> &Choice {
        match kind {
            RequesterKind::Customer => &self.customer,
            RequesterKind::Partner => &self.partner,
        }
    }
}

impl CustomerIdKindsText {
    pub fn get(&self, kind: CustomerIdKind) -> &Choice {
        match kind {
            CustomerIdKind::Name => &self.name,
            CustomerIdKind::Domain => &self.domain,
            CustomerIdKind::Tpid => &self.tpid,
        }
    }
}

impl LanguagesText {
    pub fn get(&self, language: FastTrackLanguage) -> &'static str {
        use FastTrackLanguage as L;
        match language {
            L::ChineseTraditional => self.chinese_traditional,
            L::ChineseSimplified => self.chinese_simplified,
            L::English => self.english,
            L::French => self.french,
            L::German => self.german,
            L::Italian => self.italian,
            L::Japanese => self.japanese,
            L::Korean => self.korean,
            L::PortugueseBrazil => self.portuguese_brazil,
            L::Spanish => self.spanish,
            L::Thai => self.thai,
            L::Vietnamese => self.vietnamese,
        }
    }
}

impl FieldsText {
    /// The text of a field. The customer's identifier is worded by how it is identified.
    pub fn get(&self, field: Field, customer_id_kind: &str) -> &FieldText {
        match field {
            Field::RequesterKind => &self.requester_kind,
            Field::CustomerIdKind => &self.customer_id_kind,
            Field::CustomerId => match customer_id_kind {
                "domain" => &self.customer_domain,
                "tpid" => &self.customer_tpid,
                _ => &self.customer_name,
            },
            Field::Products => &self.products,
            Field::DeploymentDate => &self.deployment_date,
            Field::ProjectName => &self.project_name,
            Field::ServiceLocation => &self.service_location,
            Field::Language => &self.language,
            Field::Licences => &self.licences,
            Field::Comments => &self.comments,
            Field::RequesterName => &self.requester_name,
            Field::RequesterEmail => &self.requester_email,
            Field::RequesterPhone => &self.requester_phone,
            Field::RequesterJobTitle => &self.requester_job_title,
            Field::PrimaryContactSame => &self.primary_contact_same,
            Field::PrimaryContactName => &self.primary_contact_name,
            Field::PrimaryContactEmail => &self.primary_contact_email,
            Field::SponsorSame => &self.sponsor_same,
            Field::SponsorName => &self.sponsor_name,
            Field::SponsorEmail => &self.sponsor_email,
        }
    }
}
