// Stop words. Swedish: the Snowball list plus the filler of spoken questions
// ("typ", "nån", "liksom"). Words that carry policy meaning (inte, utan, ingen,
// aldrig) are stop words for ranking anyway: BM25 cannot use negation.

const SV = `
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp
vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv
detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan
vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt
våra ert era vilkas
får få fått måste ska skall bör borde behöver behövs kanske går gå gör göra gjort gjorde vill ville
nån nåt nånting något några typ liksom alltså ba bara väl hej tack snälla okej ok eh
sen sedan då nu ändå också även redan just lite mer mest mycket ganska helt
man mig mitt min mina oss vår våra ens en ett den det dom dem de
vad vilka vilken vilket vem vems var vart när hur varför
kolla fråga frågor undrar tänkte tror ja nej
`;

const EN = `
a an the and or but if of to in on at by for with from as is are was were be been being am do does did
doing have has had having i me my mine we us our you your he she it its they them their this that these
those there here what which who whom whose when where why how can could may might must shall should will
would not no nor so than too very just also only about into over under again then once all any both each
few more most other some such own same up down out off s t don now ok okay please hi hello thanks
get got go going make made let lets im ive id youre whats
`;

export const SWEDISH_STOPWORDS: ReadonlySet<string> = new Set(SV.split(/\s+/).filter(Boolean));
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(EN.split(/\s+/).filter(Boolean));
