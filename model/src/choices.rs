//! The closed lists a request chooses from. Each has a stable wire code (its serde name).

use serde::{Deserialize, Serialize};

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The wire code (also the form value).
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }

            /// The name in English.
            pub fn english_name(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }
    };
}

coded_enum! {
    /// The product families FastTrack covers. Product names are not translated.
    Product {
        AzureAdPremium = "azure-ad-premium", "Azure Active Directory Premium (Microsoft Entra ID)";
        AzureInformationProtection = "azure-information-protection", "Azure Information Protection";
        ExchangeOnline = "exchange-online", "Exchange Online";
        Microsoft365Apps = "microsoft-365-apps", "Microsoft 365 Apps";
        Microsoft365Defender = "microsoft-365-defender", "Microsoft 365 Defender";
        DefenderForCloudApps = "defender-for-cloud-apps", "Microsoft Defender for Cloud Apps";
        DefenderForEndpoint = "defender-for-endpoint", "Microsoft Defender for Endpoint";
        DefenderForIdentity = "defender-for-identity", "Microsoft Defender for Identity";
        DefenderForOffice365 = "defender-for-office-365", "Microsoft Defender for Office 365";
        MicrosoftEdge = "microsoft-edge", "Microsoft Edge";
        InformationGovernance = "information-governance", "Microsoft Information Governance";
        InformationProtection = "information-protection", "Microsoft Information Protection";
        Intune = "intune", "Microsoft Intune";
        MicrosoftTeams = "microsoft-teams", "Microsoft Teams";
        OneDriveForBusiness = "onedrive-for-business", "OneDrive for Business";
        PowerBi = "power-bi", "Power BI";
        ProjectOnline = "project-online", "Project Online";
        SharePointOnline = "sharepoint-online", "SharePoint Online";
        Windows = "windows", "Windows 10 and Windows 11";
        AzureVirtualDesktop = "azure-virtual-desktop", "Azure Virtual Desktop";
        Viva = "viva", "Microsoft Viva";
        Yammer = "yammer", "Yammer (Viva Engage)";
    }
}

coded_enum! {
    /// The languages the FastTrack Center works in (Chinese resources speak Mandarin).
    FastTrackLanguage {
        ChineseTraditional = "zh-Hant", "Chinese (Traditional)";
        ChineseSimplified = "zh-Hans", "Chinese (Simplified)";
        English = "en", "English";
        French = "fr", "French";
        German = "de", "German";
        Italian = "it", "Italian";
        Japanese = "ja", "Japanese";
        Korean = "ko", "Korean";
        PortugueseBrazil = "pt-BR", "Portuguese (Brazil)";
        Spanish = "es", "Spanish";
        Thai = "th", "Thai";
        Vietnamese = "vi", "Vietnamese";
    }
}

coded_enum! {
    /// Who is asking: an admin of the customer's own tenant, or a partner acting for a customer.
    RequesterKind {
        Customer = "customer", "Customer admin";
        Partner = "partner", "Partner";
    }
}

coded_enum! {
    /// How a partner identifies the customer: by name, by domain (e.g.
    /// `contoso.onmicrosoft.com`) or by TPID (the Top Parent ID: digits only).
    CustomerIdKind {
        Name = "name", "Customer name";
        Domain = "domain", "Domain";
        Tpid = "tpid", "TPID";
    }
}
