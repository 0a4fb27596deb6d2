//! What the readers say about their inputs: files that cannot be opened, cells that are not
//! what their label asks for, text files in an encoding that cannot be told.

use super::messages;

messages! {
    cannot_open("read.cannot-open", error) {
        zh: "无法打开：{error}",
        en: "cannot open: {error}",
    }
}
