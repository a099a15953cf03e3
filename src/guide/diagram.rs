//! The onboarding timeline, drawn in HTML and CSS because the sources' image is not available
//! (facts: DESIGN.md §2). Being real text, it is its own text alternative; the figure is named
//! by the source's image title and described by a one-sentence summary.

use crate::locale::Locale;
use fasttrack_content::model::DiagramEdition;
use leptos::prelude::*;

/// Services onboarded after Exchange Online, SharePoint Online and OneDrive for Business.
/// Product names stay in English, as Microsoft publishes them.
fn later_services(edition: DiagramEdition, formerly: impl Fn(&str) -> String) -> [String; 8] {
    let apps = match edition {
        DiagramEdition::Microsoft365Apps => "Microsoft 365 Apps",
        DiagramEdition::Office365ProPlus => "Office 365 ProPlus",
    };
    [
        apps.to_owned(),
        "Microsoft Teams".to_owned(),
        format!("Defender for Office 365 {}", formerly("Office 365 ATP")),
        "Outlook for iOS and Android".to_owned(),
        "Power BI".to_owned(),
        "Project Online".to_owned(),
        "Skype for Business Online".to_owned(),
        "Yammer Enterprise".to_owned(),
    ]
}

/// A step's number, as a value: an element with nothing but literal text and attributes is
/// drawn from HTML text through `innerHTML`, which a Trusted Types CSP refuses (the app draws
/// no HTML text; `tests/e2e/trust.spec.ts`).
#[component]
fn StepNumber(n: u8) -> impl IntoView {
    view! { <span class="ft-diagram__number" aria-hidden="true">{n}</span> }
}

#[component]
pub fn Diagram(title: &'static str, edition: DiagramEdition, locale: Locale) -> impl IntoView {
    let d = &locale.ui().diagram;
    view! {
        <figure class="ft-diagram" aria-labelledby="ft-diagram-title" aria-describedby="ft-diagram-summary">
            <figcaption id="ft-diagram-title" class="ft-diagram__title">{title}</figcaption>
            <p id="ft-diagram-summary" class="ft-visually-hidden">{d.summary}</p>
            <ol class="ft-diagram__steps">
                <li class="ft-diagram__step">
                    <StepNumber n=1 />
                    <span class="ft-diagram__step-name">{d.step_purchase}</span>
                </li>
                <li class="ft-diagram__step ft-diagram__step--benefit">
                    <StepNumber n=2 />
                    <span class="ft-diagram__step-name">{d.step_initiate}</span>
                    <ul class="ft-diagram__lanes">
                        <li class="ft-diagram__lane ft-diagram__lane--core">{d.core_onboarding}</li>
                        <li class="ft-diagram__lane ft-diagram__lane--service">
                            <span class="ft-diagram__lane-name">{d.service_onboarding}</span>
                            <ul class="ft-diagram__services">
                                <li class="ft-diagram__wave">
                                    {d.first_wave}
                                    <span class="ft-diagram__migration">{d.data_migration}</span>
                                </li>
                                <li class="ft-diagram__wave">
                                    <span class="ft-diagram__then">{d.then}</span>
                                    <ul class="ft-diagram__products">
                                        {later_services(edition, |name| d.formerly(name))
                                            .into_iter()
                                            .map(|name| view! { <li>{name}</li> })
                                            .collect_view()}
                                    </ul>
                                </li>
                            </ul>
                        </li>
                        <li class="ft-diagram__lane ft-diagram__lane--adoption">{d.user_adoption}</li>
                    </ul>
                </li>
            </ol>
            <p class="ft-diagram__footnote">{d.footnote}</p>
        </figure>
    }
}
