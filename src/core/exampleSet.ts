/**
 * The bundled example query set offered in the Example menu: fifteen queries with their candidates,
 * as query JSONL (one query per line), so loading it goes through the same importer as a user's file.
 * The scores stand for a first-stage lexical (BM25-like) retriever. The grades (0..3) are our own judgments.
 * All text is written for this set.
 */
import type { SetFile } from './sets/types';

/** Graded relevance: 0 not relevant .. 3 highly relevant. */
type Grade = 0 | 1 | 2 | 3;

/** One candidate as written below. Candidates are listed by falling score, so a candidate's id says its first-stage rank. */
type ExampleDocument = readonly [score: number, relevance: Grade, text: string];

export interface ExampleQuery {
  id: string;
  query: string;
  documents: readonly ExampleDocument[];
}

/** One line of query JSONL, as the query-JSONL importer reads it. */
export interface QueryJsonlLine {
  query_id: string;
  query: string;
  documents: { id: string; text: string; score: number; relevance: number }[];
}

export const exampleSetTitle = 'Workshop set: fifteen queries, where reranking helps, where it hurts';

export const exampleSetLesson =
  'A keyword retriever scored every candidate: it rewards documents that repeat the query words (a python snake, a river bank, ' +
  'a hotel called Four Seasons) and misses answers worded differently, so on most queries a cross-encoder should lift nDCG. ' +
  'On q09, q13 and q14 the first stage is already right (an exact part number, "without eggs", an exact error message) ' +
  'and a fluent wrong document may tempt the reranker, while on q15 every relevant document ranks 13th or lower: no reranker of the top 10 can find it.';

/** Doc ids are the query id and the first-stage rank: `q01-d01` is q01's top-scored candidate. */
export function toQueryJsonlLine(query: ExampleQuery): QueryJsonlLine {
  return {
    query_id: query.id,
    query: query.query,
    documents: query.documents.map(([score, relevance, text], index) => ({
      id: `${query.id}-d${String(index + 1).padStart(2, '0')}`,
      text,
      score,
      relevance,
    })),
  };
}

/** JSONL text: one query per line, each line ending in a newline. */
export function toQueryJsonl(queries: readonly ExampleQuery[]): string {
  return queries.map((q) => `${JSON.stringify(toQueryJsonlLine(q))}\n`).join('');
}

export const exampleQueries: readonly ExampleQuery[] = [
  // Health: a film and a hot-sauce brand share the word; the best answer says "reflux", not "heartburn".
  { id: 'q01', query: 'what causes heartburn after eating', documents: [
    [16.8, 0, 'Heartburn after eating? Causes of heartburn after eating, what causes heartburn, what causes heartburn after eating at night: read our heartburn guide!'],
    [15.1, 0, "Heartburn is a 1986 film starring Meryl Streep and Jack Nicholson, based on Nora Ephron's novel about the end of a marriage."],
    [14.0, 2, 'Heartburn is a burning feeling behind the breastbone. Large meals, fatty or spicy food, coffee and alcohol are common triggers.'],
    [12.6, 0, 'What causes hiccups after eating? Eating too fast makes you swallow air, which irritates the diaphragm.'],
    [11.9, 0, 'Feeling sleepy after eating is normal: blood flow shifts to digestion, and a lunch heavy in carbohydrates makes it worse.'],
    [10.4, 1, 'Antacids neutralise stomach acid within minutes but do not treat the cause; see a doctor if you need them more than twice a week.'],
    [9.2, 0, 'Heartburn Hot Sauce Co. makes small-batch habanero sauces. Our best seller goes on everything at a barbecue.'],
    [7.7, 3, 'When the ring of muscle at the bottom of the oesophagus relaxes at the wrong moment, stomach acid flows back up. A big meal, lying down soon after a meal and extra weight around the belly all make this reflux more likely.'],
    [6.3, 0, 'Chest pain during exercise can be a sign of angina; call emergency services if it spreads to the arm or jaw.'],
    [5.0, 2, 'Gastro-oesophageal reflux disease (GERD) is acid reflux that happens at least twice a week. Pregnancy, smoking and a hiatal hernia raise the risk.'],
    [3.8, 1, 'Raising the head of the bed by 15 cm and waiting three hours after dinner before lying down keep acid where it belongs.'],
    [2.4, 0, 'A balanced diet includes vegetables, whole grains and lean protein.'],
  ] },
  // Cooking: "brown" butter and browning bananas outscore the lemon-juice-and-cling-film answer.
  { id: 'q02', query: 'how to keep cut avocado from turning brown', documents: [
    [17.3, 0, 'How to keep brown butter from burning: keep the heat at medium and take the pan off the stove as soon as it turns nutty brown.'],
    [16.0, 0, 'Avocado toast, five ways: cut avocado, smashed avocado, avocado with egg. Keep it simple and keep it green!'],
    [14.4, 2, 'A cut avocado turns brown because its flesh reacts with oxygen. Wrapping it tightly slows this down.'],
    [13.1, 0, 'How to keep bananas from turning brown in the fruit bowl: hang them on a hook and wrap the stems in cling film.'],
    [12.0, 0, 'Leaves turning brown at the tips usually mean a houseplant gets too much direct sun or too little water.'],
    [11.5, 1, 'Is an avocado that has turned brown inside safe to eat? Stringy dark flesh means it is overripe; cut away the dark parts.'],
    [10.2, 0, 'Avocado trees grow best in frost-free climates and need well-drained soil; keep young trees from drying out.'],
    [8.8, 3, 'Brush the exposed flesh with lemon or lime juice, then press plastic wrap right onto the surface so that no air touches it. Kept in the fridge, half a fruit stays green for a day or two.'],
    [7.1, 0, 'Guacamole goes back to the Aztecs, who called it ahuacamolli.'],
    [6.0, 2, 'For guacamole, smooth the top, pour a thin layer of water over it and refrigerate; pour the water off before serving.'],
    [4.6, 2, 'Storing a halved one cut side down in a box with a slice of onion slows browning: the sulphur compounds from the onion act as antioxidants.'],
    [3.2, 0, 'Ripe fruit gives off ethylene gas, which makes the fruit next to it ripen faster.'],
  ] },
  // Programming: "python" the snake and the comedy group; the best answer says "row", not "line".
  { id: 'q03', query: 'python read file line by line', documents: [
    [18.2, 0, 'Ball python care sheet: read this before you buy a python. Line the enclosure with aspen bedding and keep one side warm.'],
    [16.5, 0, 'Every year fans read the Monty Python scripts line by line at a public table read, with the most famous sketch saved for last.'],
    [15.3, 2, 'In Python, f.readlines() reads the whole file into a list of lines. It is simple, but a large file may not fit in memory.'],
    [13.9, 0, 'Reading line by line helps young children sound out words: point at each word as you read it aloud.'],
    [13.0, 0, 'Python lists: append, extend, insert and pop, with an example for every method.'],
    [11.8, 0, 'How to read a CSV file in a spreadsheet: open the Data tab and choose From Text/CSV.'],
    [10.1, 3, 'Iterate over the file object itself: with open(path) as f, then for row in f. It yields one row at a time, so even a 10 GB log never has to fit in memory.'],
    [8.9, 0, 'Reticulated pythons are the longest snakes in the world; some have been measured at more than six metres.'],
    [7.4, 1, "pathlib's Path.read_text() returns the whole contents as one string; call splitlines() on it to get a list."],
    [4.9, 2, 'The fileinput module loops over the rows of one or more text files and tells you the current file name and row number as it goes.'],
    [3.5, 1, 'pandas.read_csv with chunksize reads a big table in pieces of a few thousand rows instead of all at once.'],
    [2.1, 0, 'The Python Software Foundation holds its big community conference every spring.'],
  ] },
  // History: "fall" as autumn, and two other empires.
  { id: 'q04', query: 'why did the Western Roman Empire fall', documents: [
    [17.9, 0, 'Why visit in the fall? Roman ruins, mild weather and fewer crowds make October the best month for a trip to Italy.'],
    [16.2, 0, 'The Holy Roman Empire was neither holy, nor Roman, nor an empire, as Voltaire joked; it lasted until 1806.'],
    [14.8, 2, 'Historians still argue about why the Western Roman Empire fell. Edward Gibbon blamed lost civic virtue; modern scholars see many causes at once.'],
    [13.5, 0, 'Why was the Empire State Building built so fast? Its builders raced to finish it in just over a year, during the Great Depression.'],
    [12.0, 0, 'Why do leaves fall in autumn? Trees shed them to save water over the winter.'],
    [10.6, 1, 'The Eastern Roman Empire, known as Byzantium, survived until the Ottomans took Constantinople in 1453.'],
    [9.3, 3, 'In the fifth century the West ran short of soldiers and taxes, usurpers fought endless civil wars, and Goths and Vandals settled inside the frontiers. In 476 Odoacer deposed the boy Romulus Augustulus, and no western emperor followed him.'],
    [7.8, 0, 'Roman numerals: how to read IV, IX, XL and MCMXCIX.'],
    [6.4, 2, 'Debased silver coins, plagues and a shrinking tax base left the emperors unable to pay their armies.'],
    [5.1, 0, 'Gladiator fights in the Colosseum could draw 50,000 spectators.'],
    [3.9, 2, "The sack of the city by Alaric's Visigoths in 410 shocked the Mediterranean world and showed how weak the court at Ravenna had become."],
  ] },
  // Travel: a guesthouse and a band called Northern Lights; the best answer says "aurora".
  { id: 'q05', query: 'best time to see the northern lights in Iceland', documents: [
    [18.0, 0, 'Northern Lights Guesthouse in Iceland: the best rooms at the best time of year. Book now and see why our guests keep coming back.'],
    [16.4, 1, 'The best time to visit Iceland for hiking is June to August, when the midnight sun means the sky never gets dark.'],
    [15.0, 0, 'Northern Lights are a folk band from the far north; see the tour page for the best time to catch them live.'],
    [13.2, 2, 'The northern lights can appear over Iceland on any dark night from September to April, though a sighting is never guaranteed.'],
    [11.6, 0, 'The best time to see puffins in Iceland is from May to August, when they nest on the sea cliffs.'],
    [10.0, 0, "Christmas lights go up in Reykjavik in late November, and December is the city's best time for markets."],
    [8.5, 3, 'Aurora hunting: go between late September and March, pick a clear night near the new moon and drive away from city glow. Activity usually peaks between 10 pm and 2 am.'],
    [7.0, 0, "Iceland's Ring Road is about 1,300 km long and takes a week to drive comfortably."],
    [5.6, 2, 'Check the aurora forecast from the national weather office: a Kp index of 3 or more and little cloud give the best chance.'],
    [4.1, 2, 'The equinox months of September and March bring more geomagnetic storms, so auroras tend to be stronger then.'],
    [2.8, 0, 'Solar panels work best when they face the sun and are cleaned twice a year.'],
  ] },
  // Finance: a river bank and a food bank; the best answer says "checking account" and "branch".
  { id: 'q06', query: 'how to open a bank account', documents: [
    [17.4, 0, 'River bank erosion: how to protect an open bank with willow stakes and stones before the next flood.'],
    [16.1, 0, 'Food bank volunteers: how to open an account on our scheduling site and sign up for shifts.'],
    [14.5, 2, 'You can open a bank account online in about ten minutes if you have a photo ID and a proof of address ready.'],
    [13.0, 0, 'How to open a social media account: pick a handle, confirm your email and choose whom to follow.'],
    [11.4, 0, 'The central bank sets the base rate, which shapes what savers earn on their account balances.'],
    [9.9, 0, 'Blood banks need donors of every type; an appointment takes about an hour.'],
    [8.6, 3, "To start a checking account, bring a passport or driving licence, a utility bill with your address and your tax number to a branch, or apply in the lender's app. Some ask for a small first deposit."],
    [7.2, 1, 'Compare fees before you choose: many current accounts charge a monthly fee unless your salary is paid in.'],
    [5.9, 0, 'The Left Bank of the Seine is known for its cafés, bookshops and artists.'],
    [4.5, 2, 'Students and newcomers without a credit history can usually get a basic current account; credit unions are another option.'],
    [3.0, 0, 'A piggy bank teaches children to save.'],
  ] },
  // Sports: offside in other sports, and the "offside" (driver's side) of a British car.
  { id: 'q07', query: 'how does the offside rule work in soccer', documents: [
    [17.0, 0, 'How does the offside rule work in ice hockey? An attacker may not cross the blue line before the puck does.'],
    [15.7, 0, 'In rugby union, a player in front of a teammate who kicks the ball is offside until put back onside.'],
    [14.2, 0, 'Soccer rule changes: how the new sin-bin trial will work in youth leagues this season.'],
    [12.9, 2, 'The offside rule in soccer stops attackers from waiting next to the goal: you may not be behind the last defender when the ball is passed to you.'],
    [11.3, 0, 'How to replace the offside headlight bulb: in the UK, the offside is the side nearest the middle of the road.'],
    [10.0, 1, 'Video assistants check offside by freezing the frame at the moment of the pass and drawing lines across the pitch.'],
    [8.7, 3, "A player is in an offending position if any part of the head, body or feet is nearer the opponents' goal line than both the ball and the second-last opponent. Being there is no offence in itself: it is punished only when the player takes part in play."],
    [7.3, 0, 'The best soccer boots for wide feet, tested on grass and artificial turf.'],
    [5.8, 2, 'You cannot be penalised from a throw-in, a goal kick or a corner, nor when you are level with the second-last opponent or in your own half.'],
    [4.4, 0, 'The 2010 World Cup final was played in Johannesburg.'],
    [3.1, 1, 'Defenders step up together to catch attackers out; the trap fails if one of them is slow.'],
  ] },
  // Science: paint colours and an airline; the best answer says "heavens" and "scatter".
  { id: 'q08', query: 'why is the sky blue', documents: [
    [16.5, 0, 'Why is sky blue so popular? Sky blue, baby blue and powder blue paint: compare swatches and pick the perfect blue for a nursery.'],
    [15.2, 0, 'Blue Sky Air: why fly with us? Extra legroom on every flight.'],
    [14.0, 1, 'The sky is blue on clear days and grey when clouds cover it.'],
    [12.4, 1, 'Why is the ocean blue? Water absorbs red light, so the light that comes back from deep water looks blue.'],
    [11.0, 0, 'Blue Monday is said to be the most depressing day of the year, though the claim has no scientific basis.'],
    [9.7, 3, 'Sunlight is a mix of colours. Air molecules, much smaller than its wavelengths, scatter short wavelengths far more than long ones (Rayleigh scattering), so violet and blue light reach our eyes from every part of the daytime heavens.'],
    [8.2, 0, 'The sports channel shows every Premier League match live on Saturday afternoons.'],
    [6.9, 2, 'Sunsets look red and orange because the light crosses so much air near the horizon that most of the blue is scattered away before it arrives.'],
    [5.5, 2, 'We see blue rather than violet because the sun sends out less violet, some of it is absorbed high up, and our eyes are more sensitive to blue.'],
    [4.0, 0, 'Blue cheese gets its veins from the mould Penicillium roqueforti.'],
    [2.6, 1, 'On Mars the daytime sky is butterscotch, because fine dust scatters the light differently.'],
  ] },
  // Home repair (a reranker may hurt): the right answer is a terse part listing; a fluent how-to for another model reads better.
  { id: 'q09', query: 'door gasket for Kelvo KF-2210 refrigerator', documents: [
    [19.5, 3, 'Kelvo KF-2210 door gasket, part GSK-2210-W. Fits KF-2210 and KF-2210S. In stock.'],
    [15.9, 2, 'KF-2210 parts: door gasket GSK-2210-W, crisper drawer CRD-2210, door shelf bin BIN-2210-L.'],
    [14.6, 0, 'To replace the door gasket on a Kelvo KF-2100 refrigerator, loosen the retainer screws under the seal, slide it out and fit part GSK-2100-G. The job takes about twenty minutes.'],
    [13.3, 1, 'How to replace a refrigerator door gasket: soak the new seal in warm water to take out the kinks, pull the old one from its channel, then press the new one in, starting at the corners.'],
    [11.7, 0, 'Garage door gasket: a rubber strip along the bottom of the door keeps out rain and mice.'],
    [10.3, 0, 'Refrigerator not cooling? Clean the condenser coils and make sure the door closes fully.'],
    [9.0, 1, 'The banknote test tells you if a fridge seal is worn: shut the door on a note, and if it slides out easily, the seal needs replacing.'],
    [7.6, 0, 'Kelvo dishwasher error E4: the float switch has found water in the base.'],
    [6.2, 0, 'Car door seals dry out in winter; a silicone spray keeps them soft.'],
    [4.8, 1, 'Fridge door will not stay shut? Level the fridge so that it tilts slightly backwards, and the door swings closed on its own.'],
  ] },
  // Language: side effects, the butterfly effect and effect pedals; the best answer is the one with the rule and a memory trick.
  { id: 'q10', query: 'difference between affect and effect', documents: [
    [17.6, 0, 'Side effects of ibuprofen: the difference between common and rare effects, and how they affect older adults.'],
    [16.0, 0, 'The butterfly effect: a tiny difference in starting conditions can affect the weather weeks later.'],
    [14.3, 2, 'Affect vs. effect: one is usually a verb and the other usually a noun.'],
    [12.8, 0, 'Guitar effect pedals: the difference between overdrive, distortion and fuzz.'],
    [11.2, 0, 'Seasonal affective disorder affects about one person in twenty in northern countries.'],
    [9.8, 3, 'Use the spelling with an a for the action: the rain affected the match. Use the one with an e for the result: the rain had an effect on the match. A memory trick: Remember, Affect is a Verb, Effect a Noun (RAVEN).'],
    [8.4, 1, 'In psychology the a-word is also a noun: a patient with flat affect shows little visible emotion.'],
    [7.0, 2, 'The e-word can be a verb meaning to bring about: the new manager effected real change, which is not the same as influencing it.'],
    [5.5, 0, "It's or its? It's is short for it is; its means belonging to it."],
    [4.1, 0, 'Special effects in old films were made with models and painted backdrops.'],
    [2.7, 0, 'Common English mix-ups include then and than, lose and loose, and accept and except.'],
  ] },
  // Music: a band and a hotel chain called Four Seasons; the best answer gives the Italian title.
  { id: 'q11', query: 'who composed The Four Seasons violin concertos', documents: [
    [17.2, 0, 'The Four Seasons were an American vocal group of the 1960s; their keyboard player composed most of their hits.'],
    [16.0, 0, 'Four Seasons hotels: which ones have a spa, and who to contact about a booking.'],
    [14.7, 1, 'The Four Seasons is one of the most recorded pieces of classical music, with hundreds of versions on disc.'],
    [13.0, 0, 'Violin concertos for beginners: the student concertos by Seitz and Rieding are the usual first steps.'],
    [11.6, 0, "The four seasons happen because the Earth's axis is tilted by about 23.4 degrees."],
    [10.1, 3, "Antonio Vivaldi, Venice's 'red priest', published Le quattro stagioni in 1725 as the first four works of his Opus 8, each with a sonnet describing spring, summer, autumn or winter."],
    [8.8, 1, 'Max Richter recomposed The Four Seasons in 2012, keeping only a small part of the original notes.'],
    [5.9, 0, 'A four seasons pizza is divided into quarters: artichokes, ham, mushrooms and olives.'],
    [4.5, 1, 'Vivaldi taught at the Ospedale della Pietà, a Venetian orphanage whose orchestra of girls played many of his concertos.'],
    [3.0, 2, 'The sonnets printed with the Opus 8 concertos, perhaps written by the Venetian composer himself, tell of birdsong, a summer storm and a winter fireside.'],
  ] },
  // Law: safe deposit boxes and security cameras; the best answer never says "security deposit".
  { id: 'q12', query: 'can my landlord keep my security deposit', documents: [
    [17.8, 0, 'Safe deposit boxes: can the bank keep your valuables if you stop paying the fee? Security rules for box holders.'],
    [16.3, 0, 'Security cameras for renters: can my landlord stop me from putting one up at my door?'],
    [14.9, 1, 'Security deposit laws vary from place to place; check your local tenant rules before you sign a lease.'],
    [13.4, 0, 'Can my landlord enter my flat without notice? Most places require 24 hours of warning except in an emergency.'],
    [12.0, 0, 'Social security payments can be deposited straight into your checking account.'],
    [10.5, 3, 'When you move out, the owner may deduct only unpaid rent, cleaning beyond normal use and repairs for damage you caused. Many US states require an itemised list of deductions within 14 to 30 days, and withholding the money in bad faith can cost two or three times the amount.'],
    [9.1, 2, 'Photograph every room on the day you move in and the day you move out: dated pictures are the best evidence if a deduction ends up in small claims court.'],
    [7.7, 0, 'Cyber security for small firms: keep software up to date and use two-factor login.'],
    [6.3, 2, 'Normal wear and tear, like faded paint or carpet worn by ordinary use, cannot be charged to the tenant; holes in walls and pet stains can.'],
    [4.9, 0, 'Fixed deposits pay a set interest rate for a term of one to five years.'],
    [3.4, 1, 'If the money is not returned, send a written demand letter before you file a claim.'],
  ] },
  // Cooking (a reranker may hurt): negation. Recipes with eggs read like great answers to "pancake recipe".
  { id: 'q13', query: 'pancake recipe without eggs', documents: [
    [19.1, 3, 'Pancake recipe without eggs: whisk 1 cup flour, 1 tbsp sugar, 2 tsp baking powder and a pinch of salt with 1 cup milk and 2 tbsp melted butter. No eggs needed: the baking powder does the lifting.'],
    [16.9, 0, 'The best fluffy pancake recipe: whisk two eggs with milk and melted butter, fold in flour and baking powder, and rest the batter for ten minutes.'],
    [15.4, 0, 'Pancake tip: separate the eggs and fold the beaten whites into the batter for the lightest stack you have ever made.'],
    [14.0, 2, 'Vegan pancakes without eggs or dairy: a mashed banana binds the batter, and oat milk replaces cow milk.'],
    [12.5, 0, 'Egg recipes for a weekend brunch: omelettes, frittatas and shakshuka.'],
    [11.0, 0, 'Dutch baby pancake: three eggs, milk and flour, puffed up in a hot cast-iron pan.'],
    [9.6, 2, 'Replace each egg with a flax egg: 1 tbsp ground flaxseed stirred into 3 tbsp water and left for five minutes to thicken.'],
    [8.2, 0, 'Crêpes need more eggs than pancakes: the eggs hold the thin batter together in the pan.'],
    [6.7, 1, 'Eggless batters cook a little faster, so turn the heat down to medium-low.'],
    [5.3, 0, 'Maple syrup grades run from golden to very dark.'],
    [3.9, 2, 'Aquafaba, the liquid from a can of chickpeas, whips up like egg white and gives an egg-free batter some lift.'],
  ] },
  // Programming (a reranker may hurt): an exact error message. The terse fix is right; the fluent explanation is wrong.
  { id: 'q14', query: 'error: src refspec main does not match any', documents: [
    [21.3, 3, "error: src refspec main does not match any -> nothing committed yet. git add . && git commit -m 'first' && git push -u origin main"],
    [18.0, 2, 'src refspec main does not match any: the local branch is named master. git branch -M main, then push again.'],
    [15.5, 0, 'When Git says a refspec does not match any, the branch has usually been deleted on the remote. Run git fetch --prune to clean up stale remote-tracking branches, then try the push again.'],
    [13.9, 1, 'A refspec tells Git which references to send or fetch, written as source:destination, for example refs/heads/main:refs/heads/main.'],
    [12.2, 0, 'error: failed to push some refs: the remote has commits that you do not have; pull and merge first.'],
    [10.7, 0, 'Git for beginners: what a repository, a commit and a branch are, and why every team should use version control.'],
    [9.3, 0, 'Main Street does not match any address in our database: check the spelling and the postcode.'],
    [7.8, 1, 'GitHub changed the default branch name of new repositories from master to main in 2020.'],
    [6.4, 0, 'A CSS selector that does not match any element usually has a typo in a class name.'],
    [4.9, 0, 'Merge conflicts happen when two branches change the same lines; Git marks them with rows of angle brackets.'],
  ] },
  // Climate (the recall ceiling): every relevant document ranks 13th or lower, below a top-10 cut.
  { id: 'q15', query: 'why is sea level rising', documents: [
    [18.6, 0, 'Why is sea level used for altitude? Heights of mountains are measured from mean sea level, fixed by long records of the tides.'],
    [17.4, 0, "Denver's elevation is one mile above sea level, and a step of the state capitol is marked at exactly that height."],
    [16.1, 0, 'Sea Level Rising is the third album by the indie band Tidewater; here is why fans call it their best.'],
    [15.0, 0, 'Why is my bread dough not rising? The yeast may be old, or the kitchen may be too cold.'],
    [13.8, 0, 'Rising interest rates: why the level of mortgage payments is climbing again.'],
    [12.6, 0, 'Sea level pressure is the air pressure a weather station would measure at the level of the sea; forecasters use it to draw weather maps.'],
    [11.3, 0, "The Dead Sea's shore is the lowest land on Earth, about 430 metres below sea level, and its water level keeps falling."],
    [10.1, 0, "Why is the sun rising earlier each day in spring? The tilt of the Earth's axis lengthens the days."],
    [8.9, 0, 'A spirit level holds a bubble in a sealed tube: when it sits between the lines, the shelf is level.'],
    [7.6, 0, 'The Sea Level restaurant serves fresh fish on the harbour wall.'],
    [6.4, 0, 'Tide tables show when the water rises and falls twice a day as the Moon pulls on the oceans.'],
    [5.2, 0, 'Rising stars of the sea: five young sailors to watch at this summer regatta.'],
    [3.9, 3, 'Two things swell the oceans: water expands as it warms, and melting glaciers and ice sheets in Greenland and Antarctica pour in water that was stored on land. Together they now add about 4 mm a year.'],
    [3.1, 0, 'Ocean acidification: seawater absorbs carbon dioxide and becomes more acidic, which harms corals and shellfish.'],
    [2.5, 2, 'Since 1900 the global ocean has climbed about 20 cm, and the pace has roughly doubled since the 1990s as heat-trapping gases warm the planet.'],
    [1.8, 1, 'Low-lying islands such as Tuvalu and Kiribati flood more often at high tide as the water creeps higher.'],
  ] },
];

export const exampleSetFile: SetFile = { name: 'workshop-example.jsonl', text: toQueryJsonl(exampleQueries) };
