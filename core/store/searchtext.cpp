#include "store/searchtext.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

constexpr char32_t ArabicYeh = 0x064A;
constexpr char32_t ArabicKaf = 0x0643;
constexpr char32_t ArabicAlef = 0x0627;
constexpr char32_t ArabicHeh = 0x0647;
constexpr char32_t Zwnj = 0x200C;

// Appends the folded form of one code point (already NFKD-decomposed and case-folded).
void appendFolded(char32_t c, QList<char32_t> &out)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: // ZWNJ, ZWJ, LRM/RLM, bidi controls, soft hyphen, BOM
        return;
    default:
        break;
    }
    switch (c) {
    case 0x0640: // tatweel
        return;
    case 0x0131: // dotless ı
        out.append(U'i');
        return;
    case 0x0111: // đ (Đ is case-folded to it)
        out.append(U'd');
        return;
    case 0x00DF: // ß
        out.append(U's');
        out.append(U's');
        return;
    case 0x0649: // alef maksura
    case 0x06CC: // Persian yeh
    case 0x06D2: // yeh barree
        out.append(ArabicYeh);
        return;
    case 0x06A9: // keheh
    case 0x06AA: // swash kaf
        out.append(ArabicKaf);
        return;
    case 0x0671: // alef wasla (أ إ آ decompose to alef + a mark)
    case 0x0672:
    case 0x0673:
        out.append(ArabicAlef);
        return;
    case 0x0629: // teh marbuta
    case 0x06D5: // ae (what ۀ decomposes to)
    case 0x06C1: // heh goal
    case 0x06BE: // heh doachashmee
        out.append(ArabicHeh);
        return;
    case 0x05DA: // Hebrew final kaf, mem, nun, pe, tsadi
    case 0x05DD:
    case 0x05DF:
    case 0x05E3:
    case 0x05E5:
        out.append(c + 1);
        return;
    default:
        break;
    }
    if (c >= 0x0660 && c <= 0x0669) { // Arabic-Indic digits
        out.append(U'0' + (c - 0x0660));
        return;
    }
    if (c >= 0x06F0 && c <= 0x06F9) { // Persian digits
        out.append(U'0' + (c - 0x06F0));
        return;
    }
    out.append(c);
}

// What FTS5's unicode61 tokenizer keeps in a token by default: letters, numbers, private use.
bool isTokenChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

QStringList tokens(const QString &folded)
{
    QStringList result;
    QList<char32_t> current;
    const QList<uint> ucs4 = folded.toUcs4();
    for (uint c : ucs4) {
        if (isTokenChar(c)) {
            current.append(c);
        } else if (!current.isEmpty()) {
            result.append(QString::fromUcs4(current.constData(), current.size()));
            current.clear();
        }
    }
    if (!current.isEmpty())
        result.append(QString::fromUcs4(current.constData(), current.size()));
    return result;
}

} // namespace

QString SearchText::fold(const QString &text)
{
    if (text.isEmpty())
        return QString();
    const QList<uint> ucs4 = text.normalized(QString::NormalizationForm_KD).toCaseFolded().toUcs4();
    QList<char32_t> out;
    out.reserve(ucs4.size());
    for (uint c : ucs4)
        appendFolded(c, out);
    return QString::fromUcs4(out.constData(), out.size());
}

QString SearchText::indexForm(const QString &text)
{
    QString result = fold(text);
    if (!text.contains(QChar(Zwnj)))
        return result;
    static const QRegularExpression space(u"\\s+"_s);
    const QStringList words = text.split(space, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!word.contains(QChar(Zwnj)))
            continue;
        QString parts = word;
        parts.replace(QChar(Zwnj), QChar(u' '));
        result += u' ' + fold(parts);
    }
    return result;
}

QString SearchText::phoneIndexForm(const QString &text)
{
    QString result = indexForm(text);
    static const QRegularExpression separators(u"[,;/|\\n]"_s);
    const QStringList numbers = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &number : numbers) {
        QString digits;
        for (QChar c : fold(number)) {
            if (c >= u'0' && c <= u'9')
                digits.append(c);
        }
        if (!digits.isEmpty())
            result += u' ' + digits;
    }
    return result;
}

QString SearchText::ftsQuery(const QString &userText)
{
    // A bound on the work one keystroke can ask for.
    constexpr int MaxTokens = 16;
    QStringList parts;
    const QStringList words = tokens(fold(userText));
    for (const QString &word : words) {
        if (parts.size() == MaxTokens)
            break;
        QString escaped = word;
        escaped.replace(u'"', u"\"\""_s);
        parts.append(u'"' + escaped + u"\"*"_s);
    }
    return parts.join(u" AND "_s);
}

} // namespace karvan
