#include "protocol/cborinput.h"

#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace karvan::sync::detail {

QString FieldPath::toString() const
{
    QString out = parent ? parent->toString() : QString();
    if (index >= 0)
        return out + u'[' + QString::number(index) + u']';
    if (key.isEmpty())
        return out;
    return out.isEmpty() ? key.toString() : out + u'.' + key;
}

CborInput::CborInput(const QByteArray &body, const ProtocolLimits &limits, bool jsonForm)
    : m_body(body)
    , m_reader(m_body)
    , m_limits(limits)
    , m_size(body.size())
    , m_jsonForm(jsonForm)
{ }

bool CborInput::fail(QStringView code, const FieldPath &path, const QString &detail, qint64 limit)
{
    if (!m_failed) {
        m_failed = true;
        QString field = path.toString();
        m_failure
            = DecodeFailure {code.toString(), field.isEmpty() ? u"body"_s : field, detail, limit};
    }
    return false;
}

bool CborInput::malformed(const FieldPath &path, const QString &detail)
{
    return fail(ProtocolErrorCode::Malformed, path, detail);
}

bool CborInput::checkReader(const FieldPath &path)
{
    if (m_failed)
        return false;
    const QCborError error = m_reader.lastError();
    if (error.c == QCborError::NoError)
        return true;
    if (error.c == QCborError::EndOfFile)
        return malformed(path, u"truncated CBOR at byte %1"_s.arg(m_reader.currentOffset()));
    return malformed(
        path, u"invalid CBOR at byte %1: %2"_s.arg(m_reader.currentOffset()).arg(error.toString()));
}

QString CborInput::typeName()
{
    switch (m_reader.type()) {
    case QCborStreamReader::UnsignedInteger:
    case QCborStreamReader::NegativeInteger:
        return u"an integer"_s;
    case QCborStreamReader::ByteArray:
        return u"a byte string"_s;
    case QCborStreamReader::String:
        return u"a text string"_s;
    case QCborStreamReader::Array:
        return u"an array"_s;
    case QCborStreamReader::Map:
        return u"a map"_s;
    case QCborStreamReader::Tag:
        return u"a tag"_s;
    case QCborStreamReader::SimpleType:
        if (m_reader.isNull())
            return u"null"_s;
        return m_reader.isBool() ? u"a boolean"_s : u"a simple value"_s;
    case QCborStreamReader::Float16:
    case QCborStreamReader::Float:
    case QCborStreamReader::Double:
        return u"a float"_s;
    case QCborStreamReader::Invalid:
        break;
    }
    return u"nothing"_s;
}

bool CborInput::enterMap(const FieldPath &path, qint64 maxEntries)
{
    if (!checkReader(path))
        return false;
    if (!m_reader.isMap())
        return malformed(path, u"expected a map, got %1"_s.arg(typeName()));
    if (m_reader.isLengthKnown()) {
        const quint64 n = m_reader.length();
        if (n > quint64(maxEntries))
            return fail(ProtocolErrorCode::TooManyItems, path,
                        u"map of %1 entries exceeds the limit of %2"_s.arg(n).arg(maxEntries),
                        maxEntries);
        if (n * 2 > quint64(remaining()))
            return malformed(
                path, u"map claims %1 entries but only %2 bytes follow"_s.arg(n).arg(remaining()));
    }
    if (!m_reader.enterContainer())
        return checkReader(path) && malformed(path, u"cannot enter map"_s);
    return checkReader(path);
}

bool CborInput::enterArray(const FieldPath &path, qint64 maxItems, QStringView what,
                           QStringView code)
{
    if (!checkReader(path))
        return false;
    if (!m_reader.isArray())
        return malformed(path, u"expected an array, got %1"_s.arg(typeName()));
    if (m_reader.isLengthKnown()) {
        const quint64 n = m_reader.length();
        if (n > quint64(maxItems))
            return fail(code, path,
                        u"%1 %2 exceed the limit of %3"_s.arg(n).arg(what).arg(maxItems), maxItems);
        if (n > quint64(remaining()))
            return malformed(
                path, u"array claims %1 items but only %2 bytes follow"_s.arg(n).arg(remaining()));
    }
    if (!m_reader.enterContainer())
        return checkReader(path) && malformed(path, u"cannot enter array"_s);
    return checkReader(path);
}

bool CborInput::hasNext()
{
    return !m_failed && m_reader.lastError().c == QCborError::NoError && m_reader.hasNext();
}

bool CborInput::leave(const FieldPath &path)
{
    // leaveContainer asserts that the container was read to its end: only call it then.
    if (!checkReader(path))
        return false;
    if (m_reader.hasNext())
        return malformed(path, u"container not read to its end"_s);
    if (!m_reader.leaveContainer())
        return checkReader(path) && malformed(path, u"container is not properly closed"_s);
    return checkReader(path);
}

bool CborInput::readString(const FieldPath &path, QString *text, QByteArray *bytes, qsizetype max)
{
    qsizetype total = 0;
    for (;;) {
        if (!checkReader(path))
            return false;
        const qsizetype chunk = std::max<qsizetype>(0, m_reader.currentStringChunkSize());
        if (chunk > max - total)
            return fail(
                ProtocolErrorCode::StringTooLong, path,
                u"string of %1+ bytes exceeds the limit of %2"_s.arg(total + chunk).arg(max), max);
        if (chunk > remaining())
            return malformed(
                path, u"string claims %1 bytes but only %2 follow"_s.arg(chunk).arg(remaining()));
        total += chunk;
        QCborStreamReader::StringResultCode status;
        if (text) {
            auto r = m_reader.readString();
            status = r.status;
            if (status == QCborStreamReader::Ok)
                text->append(r.data);
        } else {
            auto r = m_reader.readByteArray();
            status = r.status;
            if (status == QCborStreamReader::Ok)
                bytes->append(r.data);
        }
        if (status == QCborStreamReader::EndOfString)
            return checkReader(path);
        if (status == QCborStreamReader::Error)
            return checkReader(path) && malformed(path, u"invalid string"_s);
    }
}

bool CborInput::readKey(const FieldPath &mapPath, QString *key)
{
    if (!checkReader(mapPath))
        return false;
    if (!m_reader.isString())
        return malformed(mapPath, u"map keys must be text strings, got %1"_s.arg(typeName()));
    key->clear();
    return readString(mapPath, key, nullptr, m_limits.maxStringBytes);
}

bool CborInput::readText(const FieldPath &path, QString *out, bool allowEmpty)
{
    if (!checkReader(path))
        return false;
    if (!m_reader.isString())
        return malformed(path, u"expected a text string, got %1"_s.arg(typeName()));
    out->clear();
    if (!readString(path, out, nullptr, m_limits.maxStringBytes))
        return false;
    if (!allowEmpty && out->isEmpty())
        return malformed(path, u"must not be empty"_s);
    return true;
}

bool CborInput::readBytes(const FieldPath &path, QByteArray *out)
{
    if (!checkReader(path))
        return false;
    out->clear();
    if (m_jsonForm && m_reader.isString()) {
        QString text;
        // base64 is 4/3 of the bytes: allow for it, then check the decoded size.
        if (!readString(path, &text, nullptr, m_limits.maxBlobBytes / 3 * 4 + 4))
            return false;
        auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || text.size() != text.toLatin1().size())
            return malformed(path, u"expected base64url text"_s);
        *out = std::move(decoded.decoded);
        return true;
    }
    if (!m_reader.isByteArray())
        return malformed(path, u"expected a byte string, got %1"_s.arg(typeName()));
    return readString(path, nullptr, out, m_limits.maxBlobBytes);
}

bool CborInput::readInteger(const FieldPath &path, qint64 *out, qint64 min, qint64 max)
{
    if (!checkReader(path))
        return false;
    qint64 value;
    if (m_reader.isUnsignedInteger()) {
        const quint64 v = m_reader.toUnsignedInteger();
        if (v > quint64(max))
            return malformed(path, u"%1 is larger than the maximum %2"_s.arg(v).arg(max));
        value = qint64(v);
    } else if (m_reader.isNegativeInteger()) {
        // CBOR carries -1 - n; QCborNegativeInteger holds n + 1 (0 means 2^64).
        const quint64 magnitude = quint64(m_reader.toNegativeInteger());
        if (min >= 0)
            return malformed(path, u"must not be negative"_s);
        if (magnitude == 0 || magnitude > quint64(std::numeric_limits<qint64>::max()) + 1
            || -qint64(magnitude - 1) - 1 < min)
            return malformed(path, u"negative integer below the minimum %1"_s.arg(min));
        value = -qint64(magnitude - 1) - 1;
    } else {
        return malformed(path, u"expected an integer, got %1"_s.arg(typeName()));
    }
    if (value < min)
        return malformed(path, u"%1 is smaller than the minimum %2"_s.arg(value).arg(min));
    m_reader.next();
    *out = value;
    return checkReader(path);
}

bool CborInput::readBool(const FieldPath &path, bool *out)
{
    if (!checkReader(path))
        return false;
    if (!m_reader.isBool())
        return malformed(path, u"expected a boolean, got %1"_s.arg(typeName()));
    *out = m_reader.toBool();
    m_reader.next();
    return checkReader(path);
}

bool CborInput::readUuid(const FieldPath &path, QUuid *out)
{
    QString text;
    if (!readText(path, &text))
        return false;
    const QUuid id = text.size() == 36 ? QUuid::fromString(text) : QUuid();
    if (id.isNull())
        return malformed(path, u"expected a UUID as 36 characters of text"_s);
    *out = id;
    return true;
}

bool CborInput::readHlc(const FieldPath &path, Hlc *out)
{
    QString text;
    if (!readText(path, &text))
        return false;
    auto hlc = Hlc::fromString(text);
    if (!hlc)
        return malformed(path, hlc.errorMessage());
    *out = std::move(hlc).value();
    return true;
}

bool CborInput::readRow(const FieldPath &path, QCborMap *out)
{
    if (!checkReader(path))
        return false;
    if (!m_reader.isMap())
        return malformed(path, u"expected a map, got %1"_s.arg(typeName()));
    // Validate in place, then let Qt build the map from exactly the validated bytes: Qt's
    // builder appends entries without the per-insert key search of QCborMap::insert, so a
    // map costs O(n), and by then every length and depth in it is known to be sane.
    const qint64 start = m_reader.currentOffset();
    if (!skipValue(path, 1))
        return false;
    const qint64 end = m_reader.currentOffset();
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(
        QByteArrayView(m_body).sliced(start, end - start).toByteArray(), &error);
    if (error.error.c != QCborError::NoError || !value.isMap())
        return malformed(path, u"row could not be rebuilt: %1"_s.arg(error.errorString()));
    *out = value.toMap();
    return true;
}

bool CborInput::skipContainer(const FieldPath &path, int depth)
{
    if (depth > m_limits.maxDepth)
        return fail(ProtocolErrorCode::TooDeep, path,
                    u"nesting deeper than %1 levels"_s.arg(m_limits.maxDepth), m_limits.maxDepth);
    if (m_reader.isArray()) {
        if (!enterArray(path, m_limits.maxContainerItems, u"items",
                        ProtocolErrorCode::TooManyItems))
            return false;
        qint64 i = 0;
        while (hasNext()) {
            if (i >= m_limits.maxContainerItems)
                return fail(
                    ProtocolErrorCode::TooManyItems, path,
                    u"array exceeds the limit of %1 items"_s.arg(m_limits.maxContainerItems),
                    m_limits.maxContainerItems);
            if (!skipValue(path.at(i), depth + 1))
                return false;
            ++i;
        }
        return leave(path);
    }
    if (!enterMap(path, m_limits.maxMapEntries))
        return false;
    QSet<QString> keys;
    QString key;
    while (hasNext()) {
        if (keys.size() >= m_limits.maxMapEntries)
            return fail(ProtocolErrorCode::TooManyItems, path,
                        u"map exceeds the limit of %1 entries"_s.arg(m_limits.maxMapEntries),
                        m_limits.maxMapEntries);
        if (!readKey(path, &key))
            return false;
        if (keys.contains(key))
            return malformed(path, u"duplicate key \"%1\""_s.arg(key.left(64)));
        keys.insert(key);
        const FieldPath child = path.child(key);
        if (!hasNext())
            return checkReader(child) && malformed(child, u"key without a value"_s);
        if (!skipValue(child, depth + 1))
            return false;
    }
    return leave(path);
}

bool CborInput::skipValue(const FieldPath &path, int depth)
{
    if (!checkReader(path))
        return false;
    switch (m_reader.type()) {
    case QCborStreamReader::UnsignedInteger:
        if (m_reader.toUnsignedInteger() > quint64(std::numeric_limits<qint64>::max()))
            return malformed(path, u"integer outside the signed 64-bit range"_s);
        break;
    case QCborStreamReader::NegativeInteger: {
        const quint64 magnitude = quint64(m_reader.toNegativeInteger());
        if (magnitude == 0 || magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
            return malformed(path, u"integer outside the signed 64-bit range"_s);
        break;
    }
    case QCborStreamReader::ByteArray: {
        if (m_jsonForm)
            return malformed(path, u"unexpected byte string"_s);
        QByteArray ignored;
        return readString(path, nullptr, &ignored, m_limits.maxBlobBytes);
    }
    case QCborStreamReader::String: {
        QString ignored;
        return readString(path, &ignored, nullptr, m_limits.maxStringBytes);
    }
    case QCborStreamReader::Array:
    case QCborStreamReader::Map:
        return skipContainer(path, depth);
    case QCborStreamReader::Tag:
        return malformed(path, u"tagged values are not supported"_s);
    case QCborStreamReader::SimpleType:
        if (!m_reader.isNull() && !m_reader.isBool())
            return malformed(path, u"only null, true and false are supported simple values"_s);
        break;
    case QCborStreamReader::Float16:
        if (!qIsFinite(float(m_reader.toFloat16())))
            return malformed(path, u"NaN or infinite number"_s);
        break;
    case QCborStreamReader::Float:
        if (!qIsFinite(m_reader.toFloat()))
            return malformed(path, u"NaN or infinite number"_s);
        break;
    case QCborStreamReader::Double:
        if (!qIsFinite(m_reader.toDouble()))
            return malformed(path, u"NaN or infinite number"_s);
        break;
    case QCborStreamReader::Invalid:
        return checkReader(path) && malformed(path, u"truncated CBOR"_s);
    }
    m_reader.next();
    return checkReader(path);
}

bool CborInput::atEndOfBody(const FieldPath &path)
{
    if (!checkReader(path))
        return false;
    if (m_reader.currentOffset() != m_size)
        return malformed(path, u"%1 unexpected bytes after the message"_s.arg(remaining()));
    return true;
}

} // namespace karvan::sync::detail
