# shellcheck shell=bash
# The local run's demo content, sourced by ./bawaba and called once the suite is ready (`demo_content`
# at the end of `run`): the sample agencies onboarded through the auth service's own API (so their
# services are routed and the portal shows them), and a few realistic polls, consultations,
# complaints and datasets, as agencies and citizens would make them. Every step asks first whether
# what it makes is there already, so a second `run` changes nothing. Tokens come from `cmd_token`
# alone (the launcher's, which knows how each demo user signs in). What it did is in .bawaba/logs/demo.log.

DEMO_LOG=$LOGS/demo.log

# The sample agencies and their services (services/agencies/*): code, service, English and Arabic name, and the
# level-4 journeys they take part in (which decide their Kafka ACLs: the same as users.yaml declares for them).
DEMO_AGENCIES=(
  "moi|identity|Ministry of Interior|وزارة الداخلية|\"applications\", \"tell-us-once\", \"renewals\""
  "ewa|accounts|Electricity and Water Authority|هيئة الكهرباء والماء|\"tell-us-once\""
  "moph|births|Ministry of Public Health|وزارة الصحة العامة|\"applications\""
  "msd|family|Ministry of Social Development|وزارة التنمية الاجتماعية|\"applications\""
)

demo_api() { echo "http://localhost:$PUBLIC_PORT/api"; }

# demo_call METHOD PATH TOKEN [JSON]: the answer's HTTP status in DEMO_STATUS, its body in DEMO_BODY.
demo_call() {
  local method=$1 path=$2 token=$3 body=${4:-} out args=()
  out=$(mktemp)
  args=(-sS --max-time 60 -o "$out" -w '%{http_code}' -X "$method" -H 'Accept-Language: en')
  if [ -n "$token" ]; then args+=(-H "Authorization: Bearer $token"); fi
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
  DEMO_STATUS=$(curl "${args[@]}" "$(demo_api)$path" 2>> "$DEMO_LOG") || DEMO_STATUS=000
  DEMO_BODY=$(cat "$out"); rm -f "$out"
  printf '%s %s -> %s\n' "$method" "$path" "$DEMO_STATUS" >> "$DEMO_LOG"
  # a refusal's reason (a look-up's 404 is an answer: not there yet)
  if ! demo_ok && [ "$DEMO_STATUS" != 404 ]; then printf '%s\n' "$DEMO_BODY" >> "$DEMO_LOG"; fi
}

demo_ok() { [[ "$DEMO_STATUS" == 2?? ]]; }

# Whether the last answer holds TEXT.
demo_has() { [[ "$DEMO_BODY" == *"$1"* ]]; }

# The ids in the last answer, in order (the created record's first).
demo_ids() { grep -o '"id":"[^"]*"' <<< "$DEMO_BODY" | cut -d'"' -f4; }

demo_time() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# Onboards each sample agency that is not onboarded yet, or not with its journeys, as the platform's administrator.
demo_agencies() {
  local admin=$1 entry code service en ar journeys
  for entry in "${DEMO_AGENCIES[@]}"; do
    IFS='|' read -r code service en ar journeys <<< "$entry"
    demo_call GET "/auth/agencies/$code" "$admin"
    if [ "$DEMO_STATUS" = 200 ] && demo_has '"status":"ACTIVE"' && ! demo_has '"journeys":[]'; then continue; fi
    demo_call PUT "/auth/agencies/$code" "$admin" \
      "{\"name\": {\"en\": \"$en\", \"ar\": \"$ar\"}, \"services\": [\"$service\"], \"journeys\": [$journeys]}"
    demo_ok || return 1
    say "  onboarded the sample agency $code ($en)"
  done
}

demo_polls() {
  local mme=$1 moi=$2 id options voter
  demo_call GET "/participation/polls?agency=mme&size=100" ""
  if ! demo_has 'Which opening hours suit you for the city parks'; then
    demo_call POST /participation/polls "$mme" "$(cat <<JSON
{"question": {"en": "Which opening hours suit you for the city parks in summer?",
              "ar": "ما مواعيد فتح الحدائق العامة التي تناسبك في الصيف؟"},
 "options": [{"en": "5 am to 10 am and 4 pm to midnight", "ar": "من 5 صباحًا إلى 10 صباحًا ومن 4 عصرًا إلى منتصف الليل"},
             {"en": "4 pm to midnight only", "ar": "من 4 عصرًا إلى منتصف الليل فقط"},
             {"en": "Open around the clock", "ar": "مفتوحة على مدار الساعة"}],
 "multipleChoice": false, "opensAt": "$(demo_time 'now')", "closesAt": "$(demo_time '+45 days')",
 "audience": "ALL", "resultsVisibility": "AFTER_CLOSE", "suppressionThreshold": 3}
JSON
)"
    demo_ok || return 1
  fi
  demo_call GET "/participation/polls?agency=moi&size=100" ""
  if ! demo_has 'Which service should the ministry bring online next'; then
    demo_call POST /participation/polls "$moi" "$(cat <<JSON
{"question": {"en": "Which service should the ministry bring online next?",
              "ar": "ما الخدمة التي ينبغي أن تقدمها الوزارة إلكترونيًا في المرحلة القادمة؟"},
 "options": [{"en": "Renewing a driving licence", "ar": "تجديد رخصة القيادة"},
             {"en": "Registering a vehicle sale", "ar": "تسجيل بيع مركبة"},
             {"en": "Exit permits for domestic workers", "ar": "تصاريح خروج العمالة المنزلية"}],
 "multipleChoice": false, "opensAt": "$(demo_time 'now')", "closesAt": "$(demo_time '+30 days')",
 "audience": "ALL", "resultsVisibility": "LIVE", "suppressionThreshold": 3}
JSON
)"
    demo_ok || return 1
    # three citizens have voted already: its results are shown
    mapfile -t options < <(demo_ids)
    id=${options[0]}
    for voter in citizen1:1 citizen2:1 citizen3:2; do
      demo_call POST "/participation/polls/$id/votes" "$(cmd_token "${voter%%:*}")" \
        "{\"optionIds\": [\"${options[${voter##*:}]}\"]}"
    done
  fi
}

demo_consultations() {
  local mme=$1
  demo_call GET "/participation/consultations?agency=mme&size=100" ""
  if demo_has 'Draft regulation on shaded parking'; then return 0; fi
  demo_call POST /participation/consultations "$mme" "$(cat <<JSON
{"title": {"en": "Draft regulation on shaded parking", "ar": "مشروع لائحة المواقف المظللة"},
 "summary": {"en": "The ministry proposes that new car parks of shops, clinics and schools shade at least half of their spaces. Tell us what you think before it is adopted.",
             "ar": "تقترح الوزارة أن تُظلَّل نصف مواقف السيارات على الأقل في المواقف الجديدة للمحلات والعيادات والمدارس. شاركنا رأيك قبل اعتمادها."},
 "sections": [
   {"heading": {"en": "1. Which car parks", "ar": "1. المواقف المشمولة"},
    "body": {"en": "Open car parks of 20 spaces or more built after the regulation comes into force.",
             "ar": "المواقف المكشوفة التي تضم 20 موقفًا أو أكثر وتُنشأ بعد سريان اللائحة."}},
   {"heading": {"en": "2. What counts as shade", "ar": "2. ما يُعدّ تظليلًا"},
    "body": {"en": "Fixed structures or trees whose shade covers the space between 10 am and 4 pm in June.",
             "ar": "المظلات الثابتة أو الأشجار التي يغطي ظلها الموقف بين العاشرة صباحًا والرابعة عصرًا في شهر يونيو."}}],
 "opensAt": "$(demo_time 'now')", "closesAt": "$(demo_time '+60 days')"}
JSON
)"
  demo_ok
}

demo_complaints() {
  local mme=$1 citizen id
  citizen=$(cmd_token citizen1)
  demo_call GET "/participation/complaints?size=100" "$citizen"
  if ! demo_has 'Street lights out on Al Waab Street'; then
    demo_call POST /participation/complaints "$citizen" "$(cat <<JSON
{"kind": "COMPLAINT", "agency": "mme", "subject": "Street lights out on Al Waab Street",
 "description": "Six street lights between the Villaggio roundabout and the sports city have been dark for a week; the pavement is unsafe at night.",
 "address": "Al Waab Street, Doha"}
JSON
)"
    demo_ok || return 1
    id=$(demo_ids | head -n 1)
    demo_call POST "/participation/complaints/$id/reply" "$mme" \
      '{"message": "Thank you. A maintenance team is scheduled for this week; we will tell you when the lights are repaired."}'
  fi
  citizen=$(cmd_token citizen3)
  demo_call GET "/participation/complaints?size=100" "$citizen"
  if ! demo_has 'تذكير بموعد تجديد البطاقة الشخصية'; then
    demo_call POST /participation/complaints "$citizen" "$(cat <<JSON
{"kind": "SUGGESTION", "agency": "moi", "subject": "تذكير بموعد تجديد البطاقة الشخصية",
 "description": "أقترح إرسال رسالة نصية قبل انتهاء البطاقة الشخصية بشهر، مع رابط للتجديد المباشر."}
JSON
)"
    demo_ok || return 1
  fi
}

# demo_dataset TOKEN NAME JSON CSV-NAME-EN CSV-NAME-AR CSV: a dataset with one CSV resource and its rows.
demo_dataset() {
  local token=$1 name=$2 body=$3 en=$4 ar=$5 csv=$6 resource file
  demo_call GET "/opendata/datasets/$name" ""
  if [ "$DEMO_STATUS" = 200 ]; then return 0; fi
  demo_call POST /opendata/datasets "$token" "$body"
  demo_ok || return 1
  demo_call POST "/opendata/datasets/$name/resources" "$token" \
    "{\"name\": {\"en\": \"$en\", \"ar\": \"$ar\"}, \"format\": \"CSV\"}"
  demo_ok || return 1
  resource=$(demo_ids | head -n 1)
  file=$(mktemp --suffix=.csv)
  printf '%s' "$csv" > "$file"
  DEMO_STATUS=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -F "file=@$file;type=text/csv;filename=$name.csv" "$(demo_api)/opendata/resources/$resource/data" 2>> "$DEMO_LOG") ||
    DEMO_STATUS=000
  rm -f "$file"
  printf 'upload %s -> %s\n' "$name" "$DEMO_STATUS" >> "$DEMO_LOG"
  demo_ok
}

demo_datasets() {
  local mme=$1 moi=$2
  demo_dataset "$mme" parks-and-gardens '{"name": "parks-and-gardens", "organization": "mme",
    "title": {"en": "Public parks and gardens", "ar": "الحدائق والمتنزهات العامة"},
    "notes": {"en": "Every public park the ministry runs, with its area and facilities.", "ar": "الحدائق العامة التي تديرها الوزارة، بمساحتها ومرافقها."},
    "tags": ["parks", "environment"], "groups": ["environment"], "license": "cc-by", "frequency": "ANNUAL"}' \
    'Parks' 'الحدائق' 'park,municipality,area_m2,playground
Al Bidda Park,Doha,1200000,yes
Aspire Park,Al Rayyan,880000,yes
Al Wakra Family Park,Al Wakra,150000,yes
Umm Al Seneem Park,Doha,145000,no
' || return 1
  demo_dataset "$moi" passport-applications-monthly '{"name": "passport-applications-monthly", "organization": "moi",
    "title": {"en": "Passport applications per month", "ar": "طلبات جوازات السفر شهريًا"},
    "notes": {"en": "Applications for new and renewed passports received each month, by channel.", "ar": "طلبات جوازات السفر الجديدة والمجددة الواردة كل شهر، حسب القناة."},
    "tags": ["passports", "travel"], "groups": ["government"], "license": "cc-by", "frequency": "MONTHLY"}' \
    'Applications' 'الطلبات' 'month,online,office
2026-07,4120,1310
2026-08,3890,1254
2026-09,5230,1402
2026-10,4710,1188
'
}

# Run at the end of `./bawaba run`: the sample agencies (each run: an agency offboarded by a test comes
# back), then the demo content, once per installation (its databases: the marker is named by their
# prefix); a failure is told, and the suite keeps running.
demo_content() {
  local admin mme moi done=$RT/demo-content.$DB_PREFIX
  : > "$DEMO_LOG"
  admin=$(cmd_token platform-admin 2>> "$DEMO_LOG") &&
    demo_agencies "$admin" ||
    { say "The sample agencies could not all be onboarded: see $DEMO_LOG"; return 0; }
  if [ -f "$done" ]; then return 0; fi
  mme=$(cmd_token mme-staff 2>> "$DEMO_LOG") && moi=$(cmd_token moi-staff 2>> "$DEMO_LOG") &&
    demo_polls "$mme" "$moi" && demo_consultations "$mme" && demo_complaints "$mme" && demo_datasets "$mme" "$moi" ||
    { say "The demo content is not complete (it is tried again on the next run): see $DEMO_LOG"; return 0; }
  date -u +%FT%TZ > "$done"
  say "Demo content in place: the sample agencies, polls, a consultation, complaints and datasets."
}
