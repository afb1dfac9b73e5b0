#include "domain/ids.h"

#include <QSet>
#include <QTest>

using namespace karvan;

class tst_Ids : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuid7IsTimeOrderedAndUnique()
    {
        QSet<QUuid> seen;
        QUuid previous;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 20000; ++i) {
            const QUuid id = Uuid7::generate();
            QVERIFY(Uuid7::isUuid7(id));
            QCOMPARE(id.variant(), QUuid::DCE);
            if (!previous.isNull())
                QVERIFY2(idToString(previous) < idToString(id), "ids must sort in creation order");
            previous = id;
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 20000);
        const qint64 ms = Uuid7::unixMillis(previous);
        QVERIFY(ms >= before);
        QVERIFY(ms <= QDateTime::currentMSecsSinceEpoch() + 5); // may borrow a few ms ahead
    }

    void uuid7FromPartsIsDeterministic()
    {
        const QUuid a = Uuid7::fromParts(1763769600000, 5, 0x123456789ABCDEFull);
        const QUuid b = Uuid7::fromParts(1763769600000, 5, 0x123456789ABCDEFull);
        QCOMPARE(a, b);
        QVERIFY(Uuid7::isUuid7(a));
        QCOMPARE(Uuid7::unixMillis(a), 1763769600000);
        QCOMPARE(idToString(a).size(), 36);
        QVERIFY(!idToString(a).contains(u'{'));
    }
};

QTEST_GUILESS_MAIN(tst_Ids)
#include "tst_ids.moc"
