//! The staff area's words for counts across rooms (SPEC §16): the site a counts copy names,
//! and what the copy is for, in English and Spanish.

use crate::domain::lang::Lang;

pub struct ReportWords {
    /// The site this kiosk's counts copy names; `{site}` is filled in.
    pub site: &'static str,
    /// Under "Copy counts to USB": what the copy is, and who reads it.
    pub copy_counts_explain: &'static str,
}

const EN: ReportWords = ReportWords {
    site: "This site: {site}",
    copy_counts_explain: "Every count, with no names: the file the coordinator's report reads. It is also a backup to keep somewhere safe.",
};

const ES: ReportWords = ReportWords {
    site: "Este sitio: {site}",
    copy_counts_explain: "Todos los conteos, sin nombres: el archivo que lee el informe de la coordinación. También es una copia de seguridad para guardar en un lugar seguro.",
};

pub fn report_words(lang: Lang) -> &'static ReportWords {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// "This site: North".
pub fn site_line(site: &str, lang: Lang) -> String {
    report_words(lang).site.replace("{site}", site)
}
