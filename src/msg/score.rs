//! `score` and the scoring words other messages quote.

use super::messages;

messages! {
    truncated("score.truncated") {
        zh: "截位",
        en: "truncated",
    }
    rounded_half_up("score.rounded-half-up") {
        zh: "四舍五入",
        en: "rounded half-up",
    }
}
