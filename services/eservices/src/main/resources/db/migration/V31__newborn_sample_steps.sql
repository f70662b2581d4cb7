-- The sample newborn service's steps for catalogues seeded before services had steps (a new, empty
-- catalogue is seeded from catalogue/*.json after the migrations and gets them from moph.json): the
-- social development ministry as an agency, and the three agencies' steps of moph-birth-certificate.
insert into agency (code, name_en, name_ar)
values ('msd', 'Ministry of Social Development', 'وزارة التنمية الاجتماعية')
on conflict (code) do nothing;

update eservice set steps = '[
  {"step": "birth-certificate", "agency": "moph", "title": {"en": "Birth certificate", "ar": "شهادة الميلاد"}, "deadline": "PT48H"},
  {"step": "national-number", "agency": "moi", "title": {"en": "The child''s national number and ID card", "ar": "الرقم الوطني للمولود وبطاقته الشخصية"}, "deadline": "PT72H"},
  {"step": "child-allowance", "agency": "msd", "title": {"en": "Child allowance", "ar": "علاوة الطفل"}, "deadline": "PT120H"}
]'::jsonb, updated_at = now()
where code = 'moph-birth-certificate' and steps = '[]'::jsonb;
