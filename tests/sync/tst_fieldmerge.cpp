#include "merge/fieldmerge.h"

#include <QTest>

using namespace karvan::sync;
using namespace Qt::StringLiterals;

namespace {

FieldVersion v(const QString &value, qint64 wall, quint32 counter, const QString &node)
{
    return FieldVersion {QCborValue(value), Hlc {wall, counter, node}};
}

} // namespace

Q_DECLARE_METATYPE(karvan::sync::FieldVersion)

class tst_FieldMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void disjointFields()
    {
        const FieldMap base {{u"name"_s, v(u"Bazar"_s, 10, 0, u"hq"_s)},
                             {u"phone"_s, v(u"021-1"_s, 10, 0, u"hq"_s)}};
        FieldMap mine = base;
        mine[u"name"_s] = v(u"Bazar Tehran"_s, 20, 0, u"dev-1"_s);
        FieldMap theirs = base;
        theirs[u"phone"_s] = v(u"021-2"_s, 15, 0, u"hq"_s);
        const FieldMergeResult r = mergeFields(base, mine, theirs);
        QCOMPARE(r.merged.value(u"name"_s), mine.value(u"name"_s));
        QCOMPARE(r.merged.value(u"phone"_s), theirs.value(u"phone"_s));
        QVERIFY(r.conflicts.isEmpty());
    }

    void sameField_data()
    {
        QTest::addColumn<FieldVersion>("mine");
        QTest::addColumn<FieldVersion>("theirs");
        QTest::addColumn<bool>("mineWins");
        QTest::newRow("theirs later wall")
            << v(u"A"_s, 20, 0, u"dev-1"_s) << v(u"B"_s, 21, 0, u"hq"_s) << false;
        QTest::newRow("mine later wall")
            << v(u"A"_s, 22, 0, u"dev-1"_s) << v(u"B"_s, 21, 9, u"hq"_s) << true;
        QTest::newRow("counter decides")
            << v(u"A"_s, 20, 2, u"dev-1"_s) << v(u"B"_s, 20, 1, u"hq"_s) << true;
        QTest::newRow("tie by node id: hq > dev-1")
            << v(u"A"_s, 20, 1, u"dev-1"_s) << v(u"B"_s, 20, 1, u"hq"_s) << false;
        QTest::newRow("tie by node id: dev-2 > dev-1")
            << v(u"A"_s, 20, 1, u"dev-2"_s) << v(u"B"_s, 20, 1, u"dev-1"_s) << true;
    }
    void sameField()
    {
        QFETCH(FieldVersion, mine);
        QFETCH(FieldVersion, theirs);
        QFETCH(bool, mineWins);
        const FieldMap base {{u"name"_s, v(u"Base"_s, 10, 0, u"hq"_s)}};
        const FieldMap a {{u"name"_s, mine}};
        const FieldMap b {{u"name"_s, theirs}};
        // Replica A merges (mine = a), replica B merges the same versions from its side.
        const FieldMergeResult onA = mergeFields(base, a, b);
        const FieldMergeResult onB = mergeFields(base, b, a);
        const FieldVersion winner = mineWins ? mine : theirs;
        QCOMPARE(onA.merged.value(u"name"_s), winner);
        QCOMPARE(onB.merged, onA.merged);
        QCOMPARE(winsOver(mine, theirs), mineWins);
        QCOMPARE(winsOver(theirs, mine), !mineWins);
        // The conflict is recorded on the losing side only.
        const FieldMergeResult &loser = mineWins ? onB : onA;
        const FieldMergeResult &winnerSide = mineWins ? onA : onB;
        QVERIFY(winnerSide.conflicts.isEmpty());
        QCOMPARE(loser.conflicts.size(), 1);
        const FieldConflict &c = loser.conflicts.first();
        QCOMPARE(c.field, u"name"_s);
        QCOMPARE(c.base, base.value(u"name"_s));
        QCOMPARE(c.mine, mineWins ? theirs : mine);
        QCOMPARE(c.theirs, winner);
        QCOMPARE(c.winner, winner);
    }

    void sameValueIsNoConflict()
    {
        const FieldMap base {{u"name"_s, v(u"Base"_s, 10, 0, u"hq"_s)}};
        const FieldMap mine {{u"name"_s, v(u"Same"_s, 20, 0, u"dev-1"_s)}};
        const FieldMap theirs {{u"name"_s, v(u"Same"_s, 21, 0, u"hq"_s)}};
        const auto r = mergeFields(base, mine, theirs);
        QVERIFY(r.conflicts.isEmpty());
        QCOMPARE(r.merged.value(u"name"_s), theirs.value(u"name"_s));
    }

    void onlyOneSideChanged()
    {
        const FieldMap base {{u"notes"_s, v(u"old"_s, 10, 0, u"hq"_s)}};
        const FieldMap mine = base; // untouched here
        const FieldMap theirs {{u"notes"_s, v(u"new"_s, 30, 0, u"hq"_s)}};
        const auto r = mergeFields(base, mine, theirs);
        QCOMPARE(r.merged.value(u"notes"_s), theirs.value(u"notes"_s));
        QVERIFY(r.conflicts.isEmpty());
    }

    void baseAbsent_data()
    {
        QTest::addColumn<bool>("inMine");
        QTest::addColumn<bool>("inTheirs");
        QTest::addColumn<int>("conflictsOnA");
        QTest::newRow("added by mine") << true << false << 0;
        QTest::newRow("added by theirs") << false << true << 0;
        QTest::newRow("added by both, theirs later") << true << true << 1;
    }
    void baseAbsent()
    {
        QFETCH(bool, inMine);
        QFETCH(bool, inTheirs);
        QFETCH(int, conflictsOnA);
        const FieldVersion m = v(u"mine@x.ir"_s, 40, 0, u"dev-1"_s);
        const FieldVersion t = v(u"theirs@x.ir"_s, 41, 0, u"hq"_s);
        FieldMap mine, theirs;
        if (inMine)
            mine.insert(u"email"_s, m);
        if (inTheirs)
            theirs.insert(u"email"_s, t);
        const auto r = mergeFields({}, mine, theirs);
        QCOMPARE(r.merged.value(u"email"_s), inTheirs ? t : m);
        QCOMPARE(r.conflicts.size(), conflictsOnA);
        if (conflictsOnA)
            QVERIFY(!r.conflicts.first().base.has_value());
        QVERIFY(mergeFields({}, theirs, mine).conflicts.isEmpty());
    }

    void clearedFieldIsAVersion()
    {
        const FieldMap base {{u"phone"_s, v(u"021-1"_s, 10, 0, u"hq"_s)}};
        const FieldMap mine {{u"phone"_s, FieldVersion {QCborValue(nullptr), {50, 0, u"dev-1"_s}}}};
        const FieldMap theirs {{u"phone"_s, v(u"021-9"_s, 20, 0, u"hq"_s)}};
        const auto r = mergeFields(base, mine, theirs);
        QVERIFY(r.merged.value(u"phone"_s).value.isNull());
        QVERIFY(r.conflicts.isEmpty()); // mine won
        QCOMPARE(mergeFields(base, theirs, mine).conflicts.size(), 1);
    }

    void completeTieIsStillDeterministic()
    {
        const FieldVersion a = v(u"A"_s, 20, 1, u"dev-1"_s);
        const FieldVersion b = v(u"B"_s, 20, 1, u"dev-1"_s);
        QCOMPARE(winsOver(a, b), !winsOver(b, a));
        QCOMPARE(mergeFields({}, {{u"f"_s, a}}, {{u"f"_s, b}}).merged,
                 mergeFields({}, {{u"f"_s, b}}, {{u"f"_s, a}}).merged);
    }

    void manyFieldsConvergeInAnyOrder()
    {
        // Three replicas, each with some fields newer: pairwise merges in any order agree.
        FieldMap r1, r2, r3;
        for (int i = 0; i < 30; ++i) {
            const QString f = u"f%1"_s.arg(i);
            r1.insert(f, v(u"r1-%1"_s.arg(i), 100 + (i * 7) % 11, 0, u"dev-1"_s));
            r2.insert(f, v(u"r2-%1"_s.arg(i), 100 + (i * 5) % 11, 0, u"dev-2"_s));
            if (i % 3)
                r3.insert(f, v(u"r3-%1"_s.arg(i), 100 + (i * 3) % 11, 0, u"hq"_s));
        }
        const FieldMap x = mergeFields({}, mergeFields({}, r1, r2).merged, r3).merged;
        const FieldMap y = mergeFields({}, r3, mergeFields({}, r2, r1).merged).merged;
        const FieldMap z = mergeFields({}, mergeFields({}, r3, r1).merged, r2).merged;
        QCOMPARE(x, y);
        QCOMPARE(y, z);
    }
};

QTEST_GUILESS_MAIN(tst_FieldMerge)
#include "tst_fieldmerge.moc"
