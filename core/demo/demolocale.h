#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace karvan::demo {

// The kinds of customer a distributor sells to; they decide name patterns, price list,
// order size and credit.
enum class BusinessKind { Grocery, Supermarket, Wholesaler, Horeca, KeyAccount };
constexpr int BusinessKindCount = 5;

struct PersonName
{
    QString native;
    QString latin; // for e-mail addresses
};

struct DemoCity
{
    QString name;
    QStringList postalPatterns; // '#' a digit, '@' a letter of UK inward codes; empty: none
    QString phonePattern; // '#' a digit
    QStringList districts; // neighbourhood / ward for the second address line
};

// Everything the generator writes in one language, in that language's own script.
// Patterns use {X} (a business word), {G} (given name), {F} (family name), {N} (full name),
// {C} (city), {S} (street), {H} (house number), {D} (district), {U} (unit number).
struct DemoLanguage
{
    QString code; // BCP 47
    QString territory; // index-aligned with DemoGenerator::territories()
    QList<QStringList> namePatterns; // by BusinessKind
    QStringList words;
    QList<PersonName> givenNames;
    QList<PersonName> middleNames; // Vietnamese only
    QList<PersonName> familyNames;
    bool familyNameFirst = false;
    QStringList streets;
    QList<DemoCity> cities;
    QStringList line1Patterns;
    QStringList line2Patterns;
    QStringList mobilePatterns;
    QString branchPattern; // {B}: the name, {n}: branch number
    bool persianDigits = false;
    QString emailDomain;
    QStringList notes;
    QStringList ticketSubjects; // index-aligned with ticketDescriptions
    QStringList ticketDescriptions;
    QStringList ticketComments;
    QStringList visitSubjects;
    QStringList callSubjects;
    QStringList noteSubjects;
    QStringList activityNotes;
    QStringList opportunityTitles;
};

// The six languages, in the order of DemoGenerator::territories().
const QList<DemoLanguage> &demoLanguages();

// "۱۲۳" for 123 in Persian digits, else "123".
QString demoNumber(qint64 n, bool persianDigits);

} // namespace karvan::demo
