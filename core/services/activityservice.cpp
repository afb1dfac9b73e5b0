#include "services/activityservice.h"

#include "domain/ids.h"
#include "domain/names.h"
#include "store/activityrepository.h"
#include "store/customerrepository.h"
#include "store/localstore.h"

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype MaxSubject = 200;
constexpr qsizetype MaxNotes = 8000;
constexpr int MaxMinutes = 24 * 60;

} // namespace

Result<Activity> ActivityService::log(const NewActivity &draft)
{
    Activity a;
    a.customerId = draft.customerId;
    a.kind = draft.kind;
    a.subject = draft.subject.trimmed();
    a.notes = draft.notes.trimmed();
    a.durationMinutes = draft.durationMinutes;
    a.photoPath = draft.photoPath;
    a.author = m_author;
    if (a.customerId.isNull())
        return makeError(ErrorCode::InvalidArgument, u"choose a customer"_s);
    if (a.durationMinutes < 0 || a.durationMinutes > MaxMinutes)
        return makeError(ErrorCode::InvalidArgument,
                         u"the duration must be 0 to %1 minutes"_s.arg(MaxMinutes));
    if (a.subject.size() > MaxSubject || a.notes.size() > MaxNotes)
        return makeError(ErrorCode::InvalidArgument, u"the subject or notes are too long"_s);
    if (a.kind == Activity::Kind::Note && a.subject.isEmpty() && a.notes.isEmpty())
        return makeError(ErrorCode::InvalidArgument, u"the note is empty"_s);

    auto result = m_store.transaction([&]() -> Result<void> {
        auto customer = CustomerRepository(m_store).get(a.customerId);
        if (!customer)
            return customer.error();
        if (customer->archived)
            return makeError(ErrorCode::Conflict,
                             u"customer %1 is archived at HQ"_s.arg(customer->name));
        auto hlc = freshHlc(m_clock);
        if (!hlc)
            return hlc.error();
        a.id = Uuid7::generate();
        a.at = draft.at.isValid() ? draft.at.toUTC() : QDateTime::currentDateTimeUtc();
        if (auto r = ActivityRepository(m_store).upsert(a); !r)
            return r;
        const QString id = idToString(a.id);
        QCborMap args {{u"id"_s, id},
                       {u"hlc"_s, *hlc},
                       {u"customer_id"_s, idToString(a.customerId)},
                       {u"kind"_s, activityKindName(a.kind)},
                       {u"subject"_s, a.subject},
                       {u"notes"_s, a.notes},
                       {u"duration_minutes"_s, a.durationMinutes},
                       {u"at"_s, a.at.toString(Qt::ISODateWithMs)},
                       {u"author"_s, a.author}};
        if (!a.photoPath.isEmpty())
            args.insert(u"photo_path"_s, a.photoPath);
        auto seq = appendMutation(m_store, u"activity"_s, id, u"create"_s, args);
        if (!seq)
            return seq.error();
        return {};
    });
    if (!result)
        return result.error();
    return a;
}

} // namespace karvan
