#include "core/synth/synthtitles.h"

namespace cinetune::synth {

namespace {

const Words kFirstNames = {"Jack", "Annie", "Harry", "Maggie",  "Frankie", "Billy", "Rosie", "Eddie",   "Nora", "Sam",
                           "Lucy", "Max",   "Ruby",  "Charlie", "Molly",   "Leo",   "Grace", "Vincent", "Iris", "Oscar"};
const Words kPlaces = {"Texas",  "Paris",  "Brooklyn", "Chicago", "Tokyo",   "Vegas",  "Berlin", "Memphis", "Dublin",
                       "Havana", "Alaska", "Rome",     "Harlem",  "Montana", "Bombay", "Cairo",  "Nevada",  "Shanghai"};
const Words kCommonNouns = {"Night", "Day",    "City", "Girl", "Man",  "Woman", "Boy",  "World", "Time",  "Dream", "Road",
                            "Home",  "Island", "Sky",  "Fire", "Rain", "Angel", "King", "Queen", "Ghost", "Street"};
const Words kSubtitles = {"The Beginning",       "The Return",        "Revenge",           "The Next Generation",
                          "Special Edition",     "The Final Chapter", "Reloaded",          "Director's Cut",
                          "Collector's Edition", "Bonus Material",    "The Lost Episodes", "Behind the Scenes"};
// Latin-1 words (é = 0xE9, è = 0xE8, à = 0xE0, ñ = 0xF1): the real file holds one such byte.
const Words kLatin1Words = {"Caf\xE9",
                            "Se\xF1or",
                            "D\xE9j\xE0 Vu",
                            "Ros\xE9",
                            "Fianc\xE9",
                            "Soir\xE9"
                            "e",
                            "Ma\xF1"
                            "ana",
                            "Cr\xE8"
                            "me"};

const char *pick(const Words &words, Rng &rng)
{
    return words[rng.below(static_cast<std::uint32_t>(words.size()))];
}

const char *romanNumeral(std::uint32_t n)
{
    static const char *numerals[] = {"II", "III", "IV", "V"};
    return numerals[std::min<std::uint32_t>(n, 3)];
}

} // namespace

const std::array<Genre, kClusters> &genres()
{
    static const std::array<Genre, kClusters> list = {{
        {14,
         false,
         {"River", "Winter", "Silence", "Father", "Daughter", "Letter", "House", "Road", "Promise", "Secret", "Harvest",
          "Inheritance", "Station", "Garden", "Orchard"},
         {"Quiet", "Broken", "Long", "Last", "Distant", "Hidden", "Restless", "Bitter", "Gentle"}},
        {12,
         false,
         {"Party", "Vacation", "Trouble", "Roommate", "Neighbors", "Wedding", "Weekend", "Mess", "Road Trip", "Reunion",
          "Babysitter", "Bachelor"},
         {"Crazy", "Big", "Dumb", "Wild", "Lucky", "Totally", "Super", "Awkward", "Happy"}},
        {9,
         false,
         {"Fury", "Strike", "Target", "Mission", "Vengeance", "Force", "Justice", "Impact", "Payback", "Showdown", "Siege",
          "Assault"},
         {"Deadly", "Maximum", "Lethal", "Hard", "Final", "Rapid", "Iron", "Total", "Extreme"}},
        {8,
         false,
         {"Stranger", "Suspect", "Fear", "Obsession", "Trap", "Witness", "Game", "Conspiracy", "Deception", "Pursuit", "Eyes"},
         {"Dark", "Silent", "Perfect", "Dangerous", "Twisted", "Cold", "Fatal", "Hidden", "Blind"}},
        {7,
         false,
         {"Heart", "Kiss", "Love", "Summer", "Bride", "Affair", "Romance", "Valentine", "Dance", "Moon"},
         {"Sweet", "Endless", "Forbidden", "Tender", "Only", "Secret", "Golden", "Second"}},
        {6,
         false,
         {"History", "Secrets", "Life", "Journey", "Legacy", "Story", "Wonders", "Mysteries", "Empire", "Voyage"},
         {"Ancient", "Hidden", "Amazing", "Great", "Lost", "Living", "Untold", "Real"}},
        {6,
         false,
         {"Puppy", "Dragon", "Princess", "Bunny", "Adventure", "Friends", "Treasure", "Kitten", "Circus", "Castle", "Elephant"},
         {"Little", "Magic", "Brave", "Happy", "Silly", "Giant", "Merry", "Tiny"}},
        {5,
         false,
         {"Curse", "Shadow", "Blood", "Nightmare", "Haunting", "Crypt", "Evil", "Dead", "Witch", "Grave", "Scream", "Creature"},
         {"Bloody", "Evil", "Undead", "Cursed", "Unholy", "Dark", "Hungry", "Rotting"}},
        {5,
         false,
         {"Heist", "Alibi", "Score", "Mob", "Deal", "Getaway", "Racket", "Hit", "Job", "Underworld"},
         {"Dirty", "Crooked", "Big", "Clean", "Brutal", "Cold", "Mean", "Hot"}},
        {4,
         false,
         {"Planet", "Star", "Galaxy", "Android", "Signal", "Orbit", "Machine", "Colony", "Invasion", "Frontier", "Clone"},
         {"Alien", "Lost", "Red", "Infinite", "Quantum", "Final", "Dark", "Outer"}},
        {4,
         true,
         {"Hospital", "Precinct", "Family", "Frontier", "County", "Firm", "Ward", "Station"},
         {"General", "Central", "Northern", "Western", "Lone", "Royal"}},
        {4,
         true,
         {"Show", "Family", "Office", "Friends", "Neighbors", "Girls", "Boys", "Diner", "Sitcom"},
         {"Funny", "Happy", "New", "Modern", "Crazy", "Little", "Mad"}},
        {3,
         true,
         {"Samurai", "Ninja", "Spirit", "Legend", "Blade", "Mecha", "Warrior", "Guardian", "Chronicle"},
         {"Phantom", "Crimson", "Eternal", "Celestial", "Steel", "Demon", "Sacred"}},
        {3,
         false,
         {"Song", "Dance", "Melody", "Show", "Rhythm", "Ballroom", "Stage", "Serenade", "Swing"},
         {"Singing", "Dancing", "Broadway", "Golden", "Jazz", "Swinging", "Happy"}},
        {2.5,
         false,
         {"Battle", "Soldier", "Bridge", "Front", "Command", "Platoon", "Squadron", "Beachhead", "Company"},
         {"Bloody", "Last", "Forgotten", "Brave", "Lost", "Iron", "Fallen"}},
        {2,
         false,
         {"Gunfighter", "Rider", "Outlaw", "Canyon", "Trail", "Sheriff", "Posse", "Stagecoach", "Frontier", "Ranch"},
         {"Lonesome", "Wild", "Dusty", "Tall", "Lawless", "Red", "High"}},
        {2,
         false,
         {"Champion", "Game", "Fight", "Team", "Goal", "Season", "Comeback", "Knockout", "Legends"},
         {"Greatest", "Unbeaten", "Ultimate", "Perfect", "Winning", "Big"}},
        {2,
         false,
         {"Kingdom", "Sword", "Quest", "Sorcerer", "Realm", "Prophecy", "Unicorn", "Crown"},
         {"Enchanted", "Forgotten", "Mystic", "Shadow", "Seventh", "Endless"}},
        {1.5,
         false,
         {"Workout", "Yoga", "Pilates", "Fitness", "Abs", "Stretch", "Cardio"},
         {"Total", "Power", "Quick", "Daily", "Express", "Gentle"}},
        {1,
         false,
         {"Comedy", "Stand-Up", "Live", "Roast", "Tour", "Special"},
         {"Uncensored", "Raw", "Unleashed", "Live", "Loud"}},
    }};
    return list;
}

std::string makeTitle(const Genre &genre, const TitleFlags &flags, Rng &rng)
{
    std::string t;
    auto add = [&t](std::string_view s) { t.append(s); };
    const char *noun = pick(genre.nouns, rng);
    const char *adj = pick(genre.adjectives, rng);
    const double r = rng.uniform();
    if (genre.series && r < 0.6) {
        add(rng.chance(0.5) ? "The " : "");
        add(adj);
        add(" ");
        add(noun);
        add(": Season ");
        add(std::to_string(1 + rng.below(7)));
    } else if (r < 0.22) {
        add("The ");
        add(adj);
        add(" ");
        add(noun);
    } else if (r < 0.36) {
        add(noun);
    } else if (r < 0.48) {
        add(adj);
        add(" ");
        add(noun);
    } else if (r < 0.58) {
        add("The ");
        add(noun);
        add(rng.chance(0.5) ? " of " : " in ");
        add(rng.chance(0.6) ? pick(kPlaces, rng) : pick(kCommonNouns, rng));
    } else if (r < 0.66) {
        add(pick(kFirstNames, rng));
        add("'s ");
        add(noun);
    } else if (r < 0.76) {
        add(adj);
        add(" ");
        add(noun);
        if (rng.chance(0.5)) {
            add(" ");
            add(romanNumeral(rng.below(4)));
        }
        add(": ");
        add(pick(kSubtitles, rng));
    } else if (r < 0.84) {
        add(noun);
        add(rng.chance(0.5) ? " & " : " and ");
        add(pick(kCommonNouns, rng));
    } else if (r < 0.92) {
        add(pick(kCommonNouns, rng));
        add(" of the ");
        add(adj);
        add(" ");
        add(noun);
    } else {
        add(pick(kPlaces, rng));
        add(" ");
        add(noun);
    }
    if (rng.chance(0.0006)) { // a few titles with literal quotes, never CSV-quoted
        add(": The \"");
        add(pick(kCommonNouns, rng));
        add("\" Version");
    }
    if (flags.comma || rng.chance(0.019)) { // unquoted commas inside the title, like the real file
        switch (rng.below(3)) {
        case 0:
            add(", ");
            add(pick(kPlaces, rng));
            break;
        case 1:
            add(", My ");
            add(pick(kCommonNouns, rng));
            break;
        default:
            add(", ");
            add(pick(kFirstNames, rng));
            add(", and ");
            add(pick(kFirstNames, rng));
            break;
        }
    }
    if (flags.latin1 || rng.chance(0.0003)) {
        add(rng.chance(0.5) ? " at the " : " ");
        add(flags.latin1 ? "Caf\xE9" : pick(kLatin1Words, rng));
    }
    return t;
}

} // namespace cinetune::synth
