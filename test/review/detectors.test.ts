// One block per detector: valid values, checksum failures and look-alikes.
import { strict as assert } from "node:assert";
import { found } from "./helpers";

describe("review/detectors", () => {
  describe("PERSONNUMMER", () => {
    it("finds every common format", () => {
      for (const v of ["851018-3125", "8510183125", "19851018-3125", "198510183125", "220902+2561", "890462-0914", "851018 3125"]) {
        assert.deepEqual(found(`Sökande ${v} har kompletterat.`, "PERSONNUMMER"), [v], v);
      }
    });
    it("rejects a broken checksum unless labelled", () => {
      assert.deepEqual(found("Referens 851018-3126 gäller leveransen.", "PERSONNUMMER"), []);
      assert.deepEqual(found("pnr: 851018-3126", "PERSONNUMMER"), ["851018-3126"]);
    });
    it("a mobile number after a phone word is a phone, even when it reads as a date in 2007", () => {
      assert.deepEqual(found("ring mig på 0702238841 efter fyra", "PERSONNUMMER"), []);
      assert.deepEqual(found("ring mig på 0702238841 efter fyra", "PHONE"), ["0702238841"]);
      // "nummer" alone says nothing: Skatteverket's "Sökande med nummer …" is a personnummer
      assert.deepEqual(found("Sökande med nummer 0702238841 har kompletterat.", "PERSONNUMMER"), ["0702238841"]);
      assert.deepEqual(found("pnr 0702238841", "PERSONNUMMER"), ["0702238841"]);
    });
    it("ignores organisation numbers, order numbers and dates", () => {
      assert.deepEqual(found("Kundens org.nr: 559131-8489", "PERSONNUMMER"), []);
      assert.deepEqual(found("Ordernummer 8507032381 skickades.", "PERSONNUMMER"), []);
      assert.deepEqual(found("Mötet är 2025-03-12 kl. 10.", "PERSONNUMMER"), []);
    });
  });

  describe("PAYMENT_CARD", () => {
    it("finds Luhn-valid cards of known issuers in any grouping", () => {
      assert.deepEqual(found("Kortet 5287 3448 9855 4121 drogs", "PAYMENT_CARD"), ["5287 3448 9855 4121"]);
      // the expiry written right after the card goes with it, so the redacted copy does not keep it
      assert.deepEqual(found("amex 3791 765424 72726 (exp 09/27)", "PAYMENT_CARD"), ["3791 765424 72726 (exp 09/27)"]);
      assert.deepEqual(found("4111-1111-1111-1111", "PAYMENT_CARD"), ["4111-1111-1111-1111"]);
    });
    it("rejects Luhn failures and numbers of no issuer", () => {
      assert.deepEqual(found("4111 1111 1111 1112", "PAYMENT_CARD"), []);
      assert.deepEqual(found("9999 9999 9999 9995", "PAYMENT_CARD"), []);
    });
  });

  describe("BANK_ACCOUNT", () => {
    it("finds IBANs with valid mod 97, grouped or not", () => {
      assert.deepEqual(found("IBAN SE73 5005 4052 5736 2672 8495. Ange OCR.", "BANK_ACCOUNT"), ["SE73 5005 4052 5736 2672 8495"]);
      assert.deepEqual(found("DE89370400440532013000", "BANK_ACCOUNT"), ["DE89370400440532013000"]);
      assert.deepEqual(found("DE89370400440532013001", "BANK_ACCOUNT"), []);
      assert.deepEqual(found("Vårt momsreg.nr: SE559100786801", "BANK_ACCOUNT"), []);
    });
    it("bankgiro and plusgiro need their label and checksum", () => {
      assert.deepEqual(found("Betala till bankgiro 5963-9575.", "BANK_ACCOUNT"), ["5963-9575"]);
      assert.deepEqual(found("Betala till bankgiro 5963-9576.", "BANK_ACCOUNT"), []);
      assert.deepEqual(found("plusgiro 71 12 53-5 senast 31 mars", "BANK_ACCOUNT"), ["71 12 53-5"]);
      // a generic account word earlier on the line does not hide the plusgiro label nearest the number
      assert.deepEqual(found("Sparkonto: plusgiro 902718-6, saldo 31/12: 54 210 kr.", "BANK_ACCOUNT"), ["902718-6"]);
      assert.deepEqual(found("Ring 5963-9575 om du undrar", "BANK_ACCOUNT"), []);
    });
    it("clearing and account number after a label", () => {
      assert.deepEqual(found("utbetalas till kontonummer 8327-9 914 552 873-4 (Swedbank)", "BANK_ACCOUNT"), ["8327-9 914 552 873-4"]);
    });
  });

  describe("EMAIL", () => {
    it("finds addresses, not dangling ones", () => {
      assert.deepEqual(found("Svara till bo.gustafsson@telia.com.", "EMAIL"), ["bo.gustafsson@telia.com"]);
      assert.deepEqual(found("mail: info@presidio.", "EMAIL"), []);
      assert.deepEqual(found("ssh byggadmin@10.40.2.44", "EMAIL"), []);
    });
  });

  describe("PHONE", () => {
    it("finds Swedish mobile, fixed and international numbers", () => {
      for (const v of ["073-412 88 19", "0734415982", "08-522 614 07", "0121-213 47", "+46 70 912 33 08", "+44 20 7946 0321", "(415) 555-0132"]) {
        assert.deepEqual(found(`Ring mig på ${v} i morgon.`, "PHONE"), [v], v);
      }
    });
    it("avoids dates, amounts, order and article numbers", () => {
      for (const t of ["Sista dag: 2025-04-15.", "Lön 041 300 kr/mån", "Ordernr 20251105-2441", "art.nr 0701-55-12, 15 st", "Tracking number 0804192386", "Version 10.0.22631.4890"]) {
        assert.deepEqual(found(t, "PHONE"), [], t);
      }
    });
  });

  describe("IP_ADDRESS", () => {
    it("finds IPv4 and IPv6 with zones and prefixes", () => {
      assert.deepEqual(found("DENY 185.220.101.47:51544 -> 10.40.2.15:3389", "IP_ADDRESS"), ["185.220.101.47", "10.40.2.15"]);
      assert.deepEqual(found("from 2001:6b0:1e:2::4a port 443", "IP_ADDRESS"), ["2001:6b0:1e:2::4a"]);
      assert.deepEqual(found("fe80::1%eth0/64", "IP_ADDRESS"), ["fe80::1%eth0/64"]);
      assert.deepEqual(found("10.0.0.0/8.", "IP_ADDRESS"), ["10.0.0.0/8"]);
    });
    it("not times, versions, MACs or C++ scopes", () => {
      for (const t of ["Time 12:34:56", "manifest version 1.0.0.4", "MAC aa:bb:cc:dd:ee:ff", "std::cout", "300.168.1.1", "2001::db8::1"]) {
        assert.deepEqual(found(t, "IP_ADDRESS"), [], t);
      }
    });
  });

  describe("ADDRESS", () => {
    it("Swedish street, number, letter, flat, postcode and town", () => {
      assert.deepEqual(found("Adress: Ringvägen 14 B, 614 33 Söderköping\nTelefon", "ADDRESS"), ["Ringvägen 14 B, 614 33 Söderköping"]);
      assert.deepEqual(found("Vallgatan 22 lgh 1101, 614 30 Söderköping", "ADDRESS"), ["Vallgatan 22 lgh 1101, 614 30 Söderköping"]);
      assert.deepEqual(found("att. Lukas Berg, Box 17, 711 21 Lindesberg", "ADDRESS"), ["Box 17, 711 21 Lindesberg"]);
      assert.deepEqual(found("Harwick Logistics Ltd, 48 Wharf Road, London N1 7UX, quoting", "ADDRESS"), ["48 Wharf Road, London N1 7UX"]);
    });
    it("a generic street named by the word before it, on two lines, with its postcode", () => {
      assert.deepEqual(found("Leveransadress:\nGröna gatan 5B\n414 54 Göteborg\nJag är hemma", "ADDRESS"), ["Gröna gatan 5B\n414 54 Göteborg"]);
      assert.deepEqual(found("Han bor på Lilla torget 4, 411 18 Göteborg.", "ADDRESS"), ["Lilla torget 4, 411 18 Göteborg"]);
    });
    it("not a postcode alone or a generic 'vägen'", () => {
      assert.deepEqual(found("hushåll med postnummer 614 30 och 614 31", "ADDRESS"), []);
      assert.deepEqual(found("vägen 3 km bort", "ADDRESS"), []);
      assert.deepEqual(found("Vi tar Gamla vägen 3 gånger i veckan", "ADDRESS"), []);
    });
  });

  describe("LICENSE_PLATE", () => {
    it("needs a vehicle word nearby", () => {
      assert.deepEqual(found("min bil GUR 472 stod där", "LICENSE_PLATE"), ["GUR 472"]);
      assert.deepEqual(found("nycklarna till pickupen KTR58C ligger i skåpet", "LICENSE_PLATE"), ["KTR58C"]);
      assert.deepEqual(found("Beställ artikel ABC 123 till förrådet", "LICENSE_PLATE"), []);
    });
  });

  describe("CREDENTIAL", () => {
    it("passwords in running text, not the word alone", () => {
      assert.deepEqual(found("lösenordet är Sommar2024! men det fungerar inte", "CREDENTIAL"), ["Sommar2024!"]);
      assert.deepEqual(found("Your temporary password is Welcome#2025 and", "CREDENTIAL"), ["Welcome#2025"]);
      assert.deepEqual(found("Jag bytte lösenord i fredags och lösenordet är för kort", "CREDENTIAL"), []);
      // a chosen-looking value a little after the keyword, even on the next chat line
      assert.deepEqual(found("Jag har bytt lösenord två gånger idag, senast till Hjorten#Mars25, men", "CREDENTIAL"), ["Hjorten#Mars25"]);
      assert.deepEqual(found("[08:53] mirre: den behöver nytt admin-lösen efter uppdateringen\n[08:53] mirre: det är Tr4ktor!Blå9 nu", "CREDENTIAL"), ["Tr4ktor!Blå9"]);
      assert.deepEqual(found("Lösenordet ska ha minst 12 tecken och bytas var 90:e dag enligt IT-policy 2024-03.", "CREDENTIAL"), []);
      assert.deepEqual(found("Meröppet med bibliotekskort och pinkod fungerar", "CREDENTIAL"), []);
    });
    it("provider keys, JWTs, key blocks and connection strings", () => {
      assert.equal(found("export AWS_ACCESS_KEY_ID=AKIAVWX5FEKZB43SYXQQ", "CREDENTIAL").length, 1);
      assert.equal(found("https://ghp_4v64jPyt6Zf1XCKXdwLx9KqS4R2XSCGjzuw1@github.com/x/y.git", "CREDENTIAL")[0], "ghp_4v64jPyt6Zf1XCKXdwLx9KqS4R2XSCGjzuw1");
      assert.equal(found("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "CREDENTIAL").length, 1);
      assert.equal(found("postgres://app:S3cr3t!@db.internal:5432/prod", "CREDENTIAL").length, 1);
      assert.equal(found("Server=tcp:sql1;Database=x;User Id=sa;Password=Hemligt123;", "CREDENTIAL").length, 1);
      assert.equal(found("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "CREDENTIAL").length, 1);
    });
    it("an Azure key alone, without the rest of its connection string", () => {
      assert.deepEqual(found("SharedAccessKey=k3J9dLq0w8Zx2VbN5mR7tY1uI4oP6aS8dF0gH2jK4lM=", "CREDENTIAL"), ["SharedAccessKey=k3J9dLq0w8Zx2VbN5mR7tY1uI4oP6aS8dF0gH2jK4lM="]);
      assert.equal(found("AccountKey=Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8=", "CREDENTIAL").length, 1);
    });
    it("not code that reads a secret from somewhere else", () => {
      assert.deepEqual(found('const secret = await client.getSecret("db-password");\nconst url = process.env.KEY_VAULT_URL;', "CREDENTIAL"), []);
    });
  });
});
