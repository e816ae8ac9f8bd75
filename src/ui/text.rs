//! Every word the kiosk shows, in English and Spanish. One struct, so a missing translation
//! is a compile error rather than an English word left on a Spanish screen.

use crate::domain::lang::Lang;

pub struct Words {
    // Home
    pub welcome_anytime: &'static str,
    pub sign_in_named: &'static str,
    pub sign_in_anonymous: &'static str,
    pub we_meet: &'static str,
    pub no_group_on: &'static str,
    pub open_script: &'static str,
    pub open_staff: &'static str,
    pub language_switch: &'static str,
    // Sign in
    pub name_title: &'static str,
    pub name_hint: &'static str,
    pub name_field: &'static str,
    pub key_space: &'static str,
    pub key_delete: &'static str,
    pub sign_in: &'static str,
    pub back: &'static str,
    // Confirmation
    pub welcome_named: &'static str,
    pub welcome_back_named: &'static str,
    pub welcome_anonymous: &'static str,
    pub first_time_question: &'static str,
    pub first_time_yes: &'static str,
    pub first_time_thanks: &'static str,
    pub done: &'static str,
    pub tablet_needs_help: &'static str,
    // Facilitator script
    pub script_title: &'static str,
    pub opening_words: &'static str,
    pub closing_words: &'static str,
    pub closing_prompt: &'static str,
    pub signed_in_count: &'static str,
    pub back_home: &'static str,
}

pub const EN: Words = Words {
    welcome_anytime: "Everyone is welcome, whenever you arrive.",
    sign_in_named: "Sign in with my first name",
    sign_in_anonymous: "Count me in — no name",
    we_meet: "We meet",
    no_group_on: "No group on {day}.",
    open_script: "Facilitator script",
    open_staff: "Staff",
    language_switch: "Language",
    name_title: "What's your first name?",
    name_hint: "Only staff will see it. You can leave it empty.",
    name_field: "First name",
    key_space: "Space",
    key_delete: "Delete",
    sign_in: "Sign in",
    back: "Back",
    welcome_named: "Welcome, {name}!",
    welcome_back_named: "Welcome back, {name}!",
    welcome_anonymous: "You're counted in. Welcome!",
    first_time_question: "Is this your first time here? You can skip this.",
    first_time_yes: "Yes, first time",
    first_time_thanks: "Thank you. We're glad you came.",
    done: "Done",
    tablet_needs_help: "Thanks for coming — please let a staff member know the tablet needs help.",
    script_title: "Facilitator script",
    opening_words: "Opening words",
    closing_words: "Closing words",
    closing_prompt: "Time for the closing words",
    signed_in_count: "Signed in this session: {n}",
    back_home: "Back to Home",
};

pub const ES: Words = Words {
    welcome_anytime: "Aquí hay lugar para ti, llegues a la hora que llegues.",
    sign_in_named: "Entrar con mi nombre",
    sign_in_anonymous: "Cuéntame — sin nombre",
    we_meet: "Nos reunimos",
    no_group_on: "No hay grupo el {day}.",
    open_script: "Guion para quien facilita",
    open_staff: "Personal",
    language_switch: "Idioma",
    name_title: "¿Cuál es tu nombre?",
    name_hint: "Solo lo ve el personal. Puedes dejarlo vacío.",
    name_field: "Nombre",
    key_space: "Espacio",
    key_delete: "Borrar",
    sign_in: "Entrar",
    back: "Volver",
    welcome_named: "¡Hola, {name}! Qué bueno que viniste.",
    welcome_back_named: "¡Qué gusto verte otra vez, {name}!",
    welcome_anonymous: "Listo, ya cuentas. ¡Qué bueno que viniste!",
    first_time_question: "¿Es tu primera vez aquí? Puedes saltar esto.",
    first_time_yes: "Sí, primera vez",
    first_time_thanks: "Gracias. Nos alegra que vinieras.",
    done: "Listo",
    tablet_needs_help: "Gracias por venir. Por favor, avisa al personal que la tableta necesita ayuda.",
    script_title: "Guion para quien facilita",
    opening_words: "Palabras de apertura",
    closing_words: "Palabras de cierre",
    closing_prompt: "Es hora de las palabras de cierre",
    signed_in_count: "Personas registradas en esta sesión: {n}",
    back_home: "Volver al inicio",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}
