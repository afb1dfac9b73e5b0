// DeviceSession's conflict review: the Sync page's list of unresolved conflicts and the
// rep's answers (keep theirs / re-apply mine), through core's ConflictReview.
#include "devicesession.h"
#include "formatter.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "services/conflictreview.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonDocument>

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

QString fieldLabel(const QString &field)
{
    if (field == u"name"_s)
        return DeviceSession::tr("Name");
    if (field == u"phone"_s)
        return DeviceSession::tr("Phone");
    if (field == u"email"_s)
        return DeviceSession::tr("Email");
    if (field == u"notes"_s)
        return DeviceSession::tr("Notes");
    if (field == u"language"_s)
        return DeviceSession::tr("Language");
    if (field == u"contacts"_s)
        return DeviceSession::tr("Contacts");
    if (field == u"addresses"_s)
        return DeviceSession::tr("Address");
    return field;
}

// A field value as one line for the rep: text as is; a list of contacts or addresses as
// their names or cities; anything else as compact JSON.
QString displayText(const QCborValue &v)
{
    if (v.isString())
        return v.toString().isEmpty() ? DeviceSession::tr("(empty)") : v.toString();
    if (v.isNull() || v.isUndefined())
        return DeviceSession::tr("(empty)");
    if (v.isArray()) {
        QStringList parts;
        for (const QCborValue &item : v.toArray()) {
            const QCborMap m = item.toMap();
            QStringList bits;
            for (const QString &key : {u"name"_s, u"line1"_s, u"city"_s, u"phone"_s}) {
                const QString text = m.value(key).toString();
                if (!text.isEmpty())
                    bits.append(text);
            }
            parts.append(bits.join(u", "_s));
        }
        return parts.isEmpty() ? DeviceSession::tr("(empty)") : parts.join(u"; "_s);
    }
    return QString::fromUtf8(
        QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
}

} // namespace

void DeviceSession::setConflicts(const QList<ConflictRow> &rows)
{
    Formatter *f = Formatter::instance();
    QList<QVariantMap> out;
    for (const ConflictRow &row : rows) {
        const ConflictRecord &c = row.conflict;
        out.append({{u"conflictId"_s, idToString(c.id)},
                    {u"entityName"_s, row.entityName},
                    {u"field"_s, c.field},
                    {u"fieldLabel"_s, fieldLabel(c.field)},
                    {u"base"_s, c.base ? displayText(*c.base) : tr("(unknown)")},
                    {u"theirs"_s, displayText(c.theirs)},
                    {u"mine"_s, displayText(c.mine)},
                    {u"detected"_s, f->dateTime(c.detectedAt)}});
    }
    m_conflicts->setRows(std::move(out));
}

void DeviceSession::refreshConflicts()
{
    post<Result<QList<ConflictRow>>>(
        [](StoreWorker &w) {
            return w.store() ? w.conflicts() : Result<QList<ConflictRow>>(QList<ConflictRow>());
        },
        [this](Result<QList<ConflictRow>> r) {
            if (!r)
                return reportError(r.error());
            setConflicts(r.value());
        });
}

void DeviceSession::keepTheirs(const QString &conflictId)
{
    const QUuid id = QUuid::fromString(conflictId);
    post<Result<void>>(
        [id](StoreWorker &w) { return ConflictReview(*w.store(), w.clock()).keepTheirs(id); },
        [this](Result<void> r) { afterWrite(r); });
}

void DeviceSession::reapplyMine(const QString &conflictId)
{
    const QUuid id = QUuid::fromString(conflictId);
    post<Result<void>>(
        [id](StoreWorker &w) -> Result<void> {
            auto r = ConflictReview(*w.store(), w.clock()).reapplyMine(id);
            return r ? Result<void>() : Result<void>(r.error());
        },
        [this](Result<void> r) { afterWrite(r); });
}

} // namespace karvan::app
