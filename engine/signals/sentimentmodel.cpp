#include "engine/signals/sentimentmodel.h"

#include <QFile>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace engine {

namespace {

// VADER's empirically derived constants.
constexpr double kBoost = 0.293;        // booster / dampener words
constexpr double kCapsBoost = 0.733;    // an ALL-CAPS word in a text that is not all caps
constexpr double kNegation = -0.74;     // "not good"
constexpr double kExclamation = 0.292;  // per '!', at most four
constexpr double kQuestion = 0.18;      // per '?' beyond the first, at most 0.96
constexpr double kAlpha = 15;           // compound = s / sqrt(s^2 + alpha)

const QSet<QString> &boosters()
{
    static const QSet<QString> words{QStringLiteral("very"), QStringLiteral("extremely"), QStringLiteral("so"),
                                     QStringLiteral("really"), QStringLiteral("super"), QStringLiteral("absolutely"),
                                     QStringLiteral("totally"), QStringLiteral("hugely"), QStringLiteral("incredibly"),
                                     QStringLiteral("insanely"), QStringLiteral("completely"), QStringLiteral("most"),
                                     QStringLiteral("huge"), QStringLiteral("massive"), QStringLiteral("af")};
    return words;
}

const QSet<QString> &dampeners()
{
    static const QSet<QString> words{QStringLiteral("kinda"), QStringLiteral("slightly"), QStringLiteral("somewhat"),
                                     QStringLiteral("barely"), QStringLiteral("hardly"), QStringLiteral("little"),
                                     QStringLiteral("bit"), QStringLiteral("sorta"), QStringLiteral("quietly")};
    return words;
}

bool isNegation(const QString &w)
{
    static const QSet<QString> words{QStringLiteral("not"), QStringLiteral("no"), QStringLiteral("never"),
                                     QStringLiteral("nor"), QStringLiteral("neither"), QStringLiteral("without"),
                                     QStringLiteral("cant"), QStringLiteral("dont"), QStringLiteral("wont"),
                                     QStringLiteral("isnt"), QStringLiteral("aint"), QStringLiteral("didnt"),
                                     QStringLiteral("doesnt"), QStringLiteral("nothing"), QStringLiteral("nobody")};
    return words.contains(w) || w.endsWith(QLatin1String("n't"));
}

bool isEmoji(char32_t c) { return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF); }

struct Word {
    QString lower;
    bool allCaps = false;
};

//! Words (edge punctuation stripped, emoticons kept) and emoji as words of their own.
QList<Word> tokenize(const QString &text, const QHash<QString, double> &lexicon)
{
    QList<Word> words;
    const auto push = [&](QString raw) {
        if (raw.isEmpty())
            return;
        if (!lexicon.contains(raw.toLower())) { // ":)" stays whole; "good," loses its comma
            qsizetype a = 0, b = raw.size();
            while (a < b && raw.at(a).isPunct() && raw.at(a) != QLatin1Char('$'))
                ++a;
            while (b > a && raw.at(b - 1).isPunct())
                --b;
            raw = raw.mid(a, b - a);
        }
        if (raw.startsWith(QLatin1Char('$')) || raw.startsWith(QLatin1Char('#')) || raw.isEmpty())
            return; // cashtags and hashtags name things, they do not feel
        bool letters = false, upper = true;
        for (QChar ch : raw) {
            if (ch.isLetter()) {
                letters = true;
                upper = upper && ch.isUpper();
            }
        }
        words.append({raw.toLower(), letters && upper && raw.size() > 1});
    };
    QString current;
    for (char32_t c : QStringView(text).toUcs4()) {
        if (isEmoji(c)) {
            push(current);
            current.clear();
            push(QString::fromUcs4(&c, 1));
        } else if (QChar::isSpace(c)) {
            push(current);
            current.clear();
        } else if (c != 0xFE0F) { // variation selector
            current += QString::fromUcs4(&c, 1);
        }
    }
    push(current);
    return words;
}

} // namespace

SentimentModel::SentimentModel(const QString &lexiconText)
{
    for (QStringView line : QStringView(lexiconText).split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        if (tab <= 0)
            continue;
        bool ok = false;
        const QStringView rest = line.mid(tab + 1);
        const double v = rest.left(rest.indexOf(QLatin1Char('\t'))).toDouble(&ok);
        if (!ok || v < -4 || v > 4)
            continue;
        const QString token = line.left(tab).toString().toLower();
        m_valence.insert(token, v);
        m_longestPhrase = std::max(m_longestPhrase, int(token.count(QLatin1Char(' ')) + 1));
    }
}

const SentimentModel &SentimentModel::standard()
{
    static const SentimentModel model = [] {
        QString text;
        for (const char *name : {":/sentiment/vader_lexicon.txt", ":/sentiment/crypto_overlay.txt"}) {
            QFile f(QString::fromLatin1(name));
            if (f.open(QIODevice::ReadOnly))
                text += QString::fromUtf8(f.readAll()) + QLatin1Char('\n');
        }
        return SentimentModel(text);
    }();
    return model;
}

double SentimentModel::score(const QString &text) const
{
    const QList<Word> words = tokenize(text, m_valence);
    bool anyLower = false;
    for (const Word &w : words)
        anyLower = anyLower || !w.allCaps;
    QList<double> valences;
    qsizetype butAt = -1;
    for (qsizetype i = 0; i < words.size();) {
        if (words[i].lower == QLatin1String("but") && butAt < 0)
            butAt = valences.size();
        // Longest phrase first: "pump and dump" is not "pump".
        int span = 0;
        double v = 0;
        for (int n = std::min<int>(m_longestPhrase, int(words.size() - i)); n >= 1 && span == 0; --n) {
            QString phrase = words[i].lower;
            for (int k = 1; k < n; ++k)
                phrase += QLatin1Char(' ') + words[i + k].lower;
            if (const auto it = m_valence.constFind(phrase); it != m_valence.constEnd()) {
                span = n;
                v = it.value();
            }
        }
        if (span == 0) {
            ++i;
            continue;
        }
        if (words[i].allCaps && anyLower)
            v += v > 0 ? kCapsBoost : -kCapsBoost;
        for (qsizetype back = 1; back <= 3 && i - back >= 0; ++back) {
            const QString &prev = words[i - back].lower;
            const double decay = back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9;
            if (boosters().contains(prev))
                v += (v > 0 ? kBoost : -kBoost) * decay;
            else if (dampeners().contains(prev))
                v -= (v > 0 ? kBoost : -kBoost) * decay;
            if (isNegation(prev))
                v *= kNegation;
        }
        valences.append(v);
        i += span;
    }
    if (butAt >= 0) {
        for (qsizetype k = 0; k < valences.size(); ++k)
            valences[k] *= k < butAt ? 0.5 : 1.5;
    }
    double sum = 0;
    for (double v : valences)
        sum += v;
    if (sum != 0) {
        const double bangs = std::min<qsizetype>(4, text.count(QLatin1Char('!'))) * kExclamation;
        const qsizetype q = text.count(QLatin1Char('?'));
        const double questions = q > 1 ? std::min(0.96, double(q) * kQuestion) : 0;
        sum += (sum > 0 ? 1 : -1) * (bangs + questions);
    }
    const double compound = sum / std::sqrt(sum * sum + kAlpha);
    return std::clamp(compound, -1.0, 1.0);
}

} // namespace engine
