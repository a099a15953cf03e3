//! The wizard's question pages, in order, and which fields each asks.

use crate::error::Field;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// Who is asking; a partner identifies the customer.
    About,
    /// Products, planned deployment date, data migration and user adoption.
    Services,
    /// Project name, service location, language, licences, comments.
    Organisation,
    /// The requester's name, email, phone and job title.
    Requester,
    /// The primary contact and the business sponsor.
    Contacts,
}

impl Step {
    pub const ALL: &'static [Step] = &[
        Step::About,
        Step::Services,
        Step::Organisation,
        Step::Requester,
        Step::Contacts,
    ];

    /// The step's address segment: `/LOCALE/request/SLUG`.
    pub fn slug(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Services => "services",
            Step::Organisation => "organisation",
            Step::Requester => "your-details",
            Step::Contacts => "contacts",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.iter().copied().find(|s| s.slug() == slug)
    }

    /// 1-based position, for "Step 2 of 5".
    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Step::ALL.get(i))
            .copied()
    }

    pub fn fields(self) -> &'static [Field] {
        match self {
            Step::About => &[
                Field::RequesterKind,
                Field::CustomerIdKind,
                Field::CustomerId,
            ],
            Step::Services => &[Field::Products, Field::DeploymentDate],
            Step::Organisation => &[
                Field::ProjectName,
                Field::ServiceLocation,
                Field::Language,
                Field::Licences,
                Field::Comments,
            ],
            Step::Requester => &[
                Field::RequesterName,
                Field::RequesterEmail,
                Field::RequesterPhone,
                Field::RequesterJobTitle,
            ],
            Step::Contacts => &[
                Field::PrimaryContactSame,
                Field::PrimaryContactName,
                Field::PrimaryContactEmail,
                Field::SponsorSame,
                Field::SponsorName,
                Field::SponsorEmail,
            ],
        }
    }

    /// The step that asks for `field`.
    pub fn of(field: Field) -> Step {
        Step::ALL
            .iter()
            .copied()
            .find(|s| s.fields().contains(&field))
            .unwrap_or(Step::About)
    }
}
