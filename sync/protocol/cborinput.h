#pragma once

#include "protocol/envelope.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QStringView>

namespace karvan::sync::detail {

// Where a value sits in a message, for error messages ("mutations[3].hlc"). A chain of
// stack objects: nothing is allocated unless a failure is reported.
struct FieldPath
{
    const FieldPath *parent = nullptr;
    QStringView key; // empty for an array element
    qint64 index = -1;

    FieldPath child(QStringView name) const { return FieldPath {this, name, -1}; }
    FieldPath at(qint64 i) const { return FieldPath {this, {}, i}; }
    QString toString() const;
};

// A bounded, streaming reader over one CBOR body. Every read checks the type and the limits
// before consuming anything, so hostile lengths never turn into allocations. All reads
// return false after the first failure, which is kept in failure().
class CborInput
{
public:
    // jsonForm: the body was converted from JSON, so byte strings arrive as base64url text.
    CborInput(const QByteArray &body, const ProtocolLimits &limits, bool jsonForm);

    const DecodeFailure &failure() const { return m_failure; }
    bool fail(QStringView code, const FieldPath &path, const QString &detail, qint64 limit = 0);
    bool malformed(const FieldPath &path, const QString &detail);

    // Maps of a message: enterMap, then while (hasNext()) { readKey; read the value }, leave.
    bool enterMap(const FieldPath &path, qint64 maxEntries);
    bool enterArray(const FieldPath &path, qint64 maxItems, QStringView what, QStringView code);
    bool hasNext();
    bool leave(const FieldPath &path);
    bool readKey(const FieldPath &mapPath, QString *key);

    bool readText(const FieldPath &path, QString *out, bool allowEmpty = true);
    bool readBytes(const FieldPath &path, QByteArray *out);
    bool readInteger(const FieldPath &path, qint64 *out, qint64 min, qint64 max);
    bool readBool(const FieldPath &path, bool *out);
    bool readUuid(const FieldPath &path, QUuid *out);
    bool readHlc(const FieldPath &path, Hlc *out);
    // A row or mutation args: a map with text keys, values of any supported kind.
    bool readRow(const FieldPath &path, QCborMap *out);
    // Checks one value of any supported kind (null, bool, 64-bit integer, finite float, text,
    // bytes, array, map with unique text keys) and moves past it. depth counts containers
    // from the message's own fields (a row is depth 1).
    bool skipValue(const FieldPath &path, int depth = 1);
    // The whole body was one item: nothing may follow it.
    bool atEndOfBody(const FieldPath &path);

private:
    bool checkReader(const FieldPath &path);
    bool readString(const FieldPath &path, QString *text, QByteArray *bytes, qsizetype max);
    bool skipContainer(const FieldPath &path, int depth);
    QString typeName();
    qint64 remaining() const { return m_size - m_reader.currentOffset(); }

    const QByteArray m_body;
    QCborStreamReader m_reader;
    const ProtocolLimits &m_limits;
    const qint64 m_size;
    const bool m_jsonForm;
    bool m_failed = false;
    DecodeFailure m_failure;
};

} // namespace karvan::sync::detail
