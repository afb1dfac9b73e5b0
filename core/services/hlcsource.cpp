#include "services/hlcsource.h"

#include "domain/ids.h"
#include "store/outboxrepository.h"

#include <QCborValue>

namespace karvan {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype WallDigits = 12;
constexpr qsizetype CounterDigits = 8;
constexpr qsizetype NodeStart = WallDigits + 1 + CounterDigits + 1;
constexpr qsizetype MaxNode = 64;

bool isLowerHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

bool isNodeChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'_' || c == u':' || c == u'-';
}

} // namespace

bool isValidHlcText(QStringView text)
{
    if (text.size() <= NodeStart || text.size() > NodeStart + MaxNode)
        return false;
    if (text[WallDigits] != u'-' || text[WallDigits + 1 + CounterDigits] != u'-')
        return false;
    for (qsizetype i = 0; i < NodeStart - 1; ++i) {
        if (i != WallDigits && !isLowerHex(text[i]))
            return false;
    }
    for (qsizetype i = NodeStart; i < text.size(); ++i) {
        if (!isNodeChar(text[i]))
            return false;
    }
    return true;
}

Result<QString> freshHlc(const HlcSource &clock)
{
    if (!clock)
        return makeError(ErrorCode::InvalidArgument, u"no clock to stamp the change with"_s);
    const QString hlc = clock();
    if (!isValidHlcText(hlc))
        return makeError(ErrorCode::InvalidArgument,
                         u"the clock answered \"%1\", not an HLC "
                         u"(\"<12 hex wall>-<8 hex counter>-<node id>\")"_s.arg(hlc.left(80)));
    return hlc;
}

Result<qint64> appendMutation(LocalStore &store, const QString &entity, const QString &entityId,
                              const QString &op, const QCborMap &args)
{
    OutboxMutation m;
    m.mutationId = Uuid7::generate();
    m.entity = entity;
    m.entityId = entityId;
    m.op = op;
    m.payload = QCborValue(args).toCbor();
    return OutboxRepository(store).append(m);
}

} // namespace karvan
