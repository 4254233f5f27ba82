#!/usr/bin/env python3
"""Writes the scan safety-net corpus: OUT_DIR/policy.yaml and OUT_DIR/posts.jsonl.

Deterministic (its own xorshift generator, no library randomness), independent of the
language packs, so the same posts come out on every machine and every Python version.
Posts in English, Latvian, Polish and Hebrew, with and without "lang", with client and
competitor names (inflected, with trailing punctuation), insults, identifiers (valid and
invalid IBANs, PESELs, Latvian personal codes, cards, phones, e-mails), amounts, secrets,
handles, hosts, and some broken lines (which must give the same error lines).

usage: make_corpus.py OUT_DIR [POSTS=4000]
"""
import json
import sys

STATE = [0x9E3779B97F4A7C15]


def rnd(n):
    x = STATE[0]
    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
    x ^= x >> 7
    x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
    STATE[0] = x
    return x % n


def pick(seq):
    return seq[rnd(len(seq))]


WORDS = {
    "en": ("the of and to a in is it you that he was for on are with as I his they be at one "
           "have this from by hot word but what some we can out other were all there when up "
           "use your how said an each she which do their time if will way about many then them "
           "write would like so these her long make thing see him two has look more day could "
           "go come did number sound no most people my over know water than call first who may "
           "down side been now find meeting team customer launch office weekend coffee").split(),
    "lv": ("un ir ar ka uz no par to kas bet vai es tu viņš mēs jūs viņi bija būs šodien "
           "rīt vakar labi paldies diena nedēļa darbs birojs komanda klients kafija jūra "
           "pilsēta māja ceļš laiks gads cilvēki jauns liels mazs ļoti vēl tikai arī "
           "sanāksme projekts pārdošana ģimene brīvdienas").split(),
    "pl": ("i w na nie z się do to że jest o jak ale po co tak za od już tylko jego może "
           "dzień tydzień praca biuro zespół klient kawa morze miasto dom droga czas rok "
           "ludzie nowy duży mały bardzo jeszcze także spotkanie projekt sprzedaż rodzina "
           "weekend dziękuję świetny").split(),
    "he": ("של את על זה לא עם הוא היא אני אנחנו הם היה יהיה היום מחר אתמול טוב תודה "
           "יום שבוע עבודה משרד צוות לקוח קפה ים עיר בית דרך זמן שנה אנשים חדש גדול קטן "
           "מאוד עוד רק גם פגישה פרויקט מכירות משפחה סוף").split(),
}

CLIENT_HEADS = ["Rīgas", "Baltijas", "Daugavas", "Kurzemes", "Latgales", "Vidzemes", "Gdańska",
                "Krakowska", "Warszawska", "Poznańska", "Łódzka", "Northwind", "Silverline",
                "Harbour", "Maple", "Kinneret", "Galil", "Negev", "Carmel"]
CLIENT_TAILS = ["Piens", "Maiznīca", "Koks", "Logistyka Portowa", "Spółdzielnia Mleczarska",
                "Optics", "Freight", "Dairy", "Energy", "Textiles", "Systems", "Foods",
                "Transport", "Farmacja", "Būvnieks", "Holdings"]
HEBREW_CLIENTS = ["מגדל אופטיקה", "כרמל לוגיסטיקה", "גליל מזון", "נגב אנרגיה", "תמר טקסטיל"]

INSULTS = {
    "en": ["idiots", "scammers", "a fraud", "liars", "clowns", "thieves", "useless", "a joke"],
    "lv": ["idioti", "krāpnieki", "zagļi", "meļi", "muļķi"],
    "pl": ["idioci", "oszuści", "złodzieje", "kłamcy", "debile"],
    "he": ["אידיוטים", "נוכלים", "גנבים", "שקרנים", "רמאים"],
}
TOPICS = ["the elections", "vote for", "the church", "the lawsuit", "our revenue reached",
          "confidential", "internal only", "password: Winter2025!", "the court", "bank account",
          "Sejm", "Saeima", "הבחירות לכנסת", "wybory", "vēlēšanas", "profit of", "salary"]
PUNCT = ["", ".", "!", "!!", "!!!", "?!", "...", ")", "\"", ",", " :)", " 🙂"]


def iban(country, bban):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def pesel():
    d = [rnd(10) for _ in range(10)]
    d[2] = rnd(2)  # month 01..12
    d[3] = 1 + rnd(9) if d[2] == 0 else rnd(3)
    d[4] = rnd(3)
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    c = (10 - sum(a * b for a, b in zip(d, w)) % 10) % 10
    return "".join(map(str, d)) + str(c)


def luhn(prefix, length):
    d = [int(c) for c in prefix] + [rnd(10) for _ in range(length - len(prefix) - 1)]
    total = 0
    for i, v in enumerate(reversed(d)):
        if i % 2 == 0:
            v *= 2
            v -= 9 if v > 9 else 0
        total += v
    return "".join(map(str, d)) + str((10 - total % 10) % 10)


def lv_code():
    d = [rnd(3), 1 + rnd(8), 0, 1 + rnd(9), rnd(10), rnd(10), rnd(3), rnd(10), rnd(10), rnd(10)]
    w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    c = (1101 - sum(a * b for a, b in zip(d, w))) % 11
    if c == 10:
        return None
    s = "".join(map(str, d)) + str(c)
    return s[:6] + "-" + s[6:]


def identifier():
    k = rnd(12)
    if k == 0:
        return iban("LV", "HABA" + "".join(str(rnd(10)) for _ in range(13)))
    if k == 1:
        return iban("PL", "".join(str(rnd(10)) for _ in range(24)))
    if k == 2:
        return "LV80 BANK 0000 4351 9500 " + str(rnd(10))  # often invalid
    if k == 3:
        return pesel()
    if k == 4:
        return lv_code() or "123456-12345"
    if k == 5:
        return luhn("4", 16)
    if k == 6:
        return "+371 2" + "".join(str(rnd(10)) for _ in range(7))
    if k == 7:
        return "+48 6" + "".join(str(rnd(10)) for _ in range(2)) + " 123 " + str(100 + rnd(900))
    if k == 8:
        return f"anna.{pick(['berzina', 'kowalska', 'levi'])}{rnd(99)}@example.{pick(['com', 'lv', 'pl'])}"
    if k == 9:
        return "AKIA" + "".join(pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    if k == 10:
        return f"db{rnd(9)}.corp 10.{rnd(256)}.{rnd(256)}.{rnd(256)}"
    return f"order {rnd(10**9):09d}"


def sentence(lang, n):
    return " ".join(pick(WORDS[lang]) for _ in range(n))


def post(lang, clients, competitors):
    parts = [sentence(lang, 3 + rnd(12))]
    for _ in range(rnd(3)):
        k = rnd(10)
        if k < 3:
            parts.append(pick(clients) + pick(PUNCT))
        elif k < 5:
            parts.append(pick(competitors) + " " + ("are " if lang == "en" else "") +
                         pick(INSULTS[lang]) + pick(PUNCT))
        elif k < 6:
            parts.append(pick(INSULTS[lang]) + pick(PUNCT))
        elif k < 7:
            parts.append(identifier())
        elif k < 8:
            parts.append(pick(TOPICS) + f" {rnd(100)}.{rnd(10)} {pick(['million', 'EUR', 'zł', '%', '€'])}")
        elif k < 9:
            parts.append(pick(["@dzintars_support", "@amberpay.help", "@jan", "linkedin.com/company/amberpay-pl",
                               "@" + pick(clients).split()[0].lower()]))
        else:
            parts.append(pick(["Project Nightingale", "#ProjectNightingale", "Bursztyn 2.0",
                               "AmberPay now supports instant payments in Poland", "Dzintars"]))
        parts.append(sentence(lang, rnd(8)))
    text = " ".join(p for p in parts if p)
    return text + pick(["", "", ".", "!", " #work", "\nnew line"])


def main():
    out = sys.argv[1]
    posts = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    clients = ["Rīgas Piens", "Riga Dairy", "Migdal Optics", "Gdańska Logistyka Portowa"]
    clients += sorted({f"{pick(CLIENT_HEADS)} {pick(CLIENT_TAILS)}" for _ in range(300)})
    clients += HEBREW_CLIENTS
    competitors = ["Baltpay", "PayWave Polska"]
    with open(f"{out}/policy.yaml", "w", encoding="utf-8") as f:
        f.write("version: 1\norganization:\n  name: Dzintars\n  aliases: [Dzintars SIA]\n"
                "  brands: [AmberPay]\ncompetitors: [Baltpay, PayWave Polska]\n"
                "confidential_terms: [Project Nightingale, Bursztyn 2.0]\n"
                "approved_disclosures: [AmberPay now supports instant payments in Poland]\n"
                "official_accounts: [\"@dzintars\", \"@amberpay\"]\n"
                "internal_domains: [intra.dzintars.lv]\nlanguages: [lv, en, pl, he]\nclients:\n")
        for c in clients:
            f.write(f"  - {json.dumps(c, ensure_ascii=False)}\n")
    langs = ["en", "lv", "pl", "he"]
    with open(f"{out}/posts.jsonl", "wb") as f:
        for i in range(posts):
            lang = pick(langs)
            text = post(lang, clients, competitors)
            obj = {"id": i + 1 if rnd(5) else f"p-{i + 1}", "text": text}
            if rnd(3) == 0:
                obj["lang"] = lang
            line = json.dumps(obj, ensure_ascii=rnd(4) == 0).encode()
            k = rnd(400)
            if k == 0:
                line = b"{\"id\": 1, \"text\": "  # truncated
            elif k == 1:
                line = b""
            elif k == 2:
                line = b"{\"id\": 7}"
            elif k == 3:
                line = b"[1, 2]"
            elif k == 4:
                line = b"{\"id\": 9, \"text\": \"bad \xff\xfe bytes Baltpay idiots\"}"
            elif k == 5:
                line = b"{\"text\": \"no id here, Riga Dairy\", \"lang\": 5}"
            f.write(line + b"\n")


if __name__ == "__main__":
    main()
