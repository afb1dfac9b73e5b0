#pragma once

#include <QString>

namespace karvan {

// How text is made searchable across the six languages Karvan ships in. The same fold() runs
// when a row is indexed and when the user types, so both sides always meet.
class SearchText
{
public:
    // Lower-case, accent-free, script-normalised form of text:
    // - NFKD, then combining marks dropped (Vietnamese tones, Arabic harakat, Hebrew niqqud,
    //   Turkish ğ ş ç ö ü -> g s c o u); Vietnamese đ/Đ -> d; ß -> ss;
    // - Arabic/Persian: yeh ي, alef maksura ى and Persian yeh ی are one letter; kaf ك and
    //   keheh ک are one letter; alef forms أ إ آ ٱ -> ا; teh marbuta ة and heh forms -> ه;
    //   tatweel removed; Arabic-Indic and Persian digits -> ASCII;
    // - Hebrew final letters -> their regular forms;
    // - ZWNJ and other invisible format characters removed (words joined);
    // - case folding that knows Turkish: İ, I, ı and i all become i.
    static QString fold(const QString &text);

    // What goes into a full-text index column: fold(text), plus the parts of every word that
    // was written with a ZWNJ inside (so "می‌روم" is found by "میروم" and by "می
    // روم").
    static QString indexForm(const QString &text);

    // indexForm() plus each phone number's digits run together, so "+90 532 111" is found by
    // "90532111" as well as by "532".
    static QString phoneIndexForm(const QString &text);

    // An FTS5 MATCH expression for what the user typed: the folded tokens, each quoted (double
    // quotes escaped) with a prefix star, ANDed. Search-as-you-type works and no input can
    // break the FTS syntax. Empty when the text has no searchable token.
    static QString ftsQuery(const QString &userText);
};

} // namespace karvan
