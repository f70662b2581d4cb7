create table consultation (
	id uuid primary key,
	agency text not null,
	title_en text not null,
	title_ar text not null,
	summary_en text not null,
	summary_ar text not null,
	opens_at timestamptz not null,
	closes_at timestamptz not null check (closes_at > opens_at),
	report_en text,
	report_ar text,
	report_published_at timestamptz,
	created_by text not null,
	created_at timestamptz not null
);

create index consultation_by_agency on consultation (agency, closes_at desc);

create table consultation_section (
	id uuid primary key,
	consultation_id uuid not null references consultation (id),
	position integer not null,
	heading_en text not null,
	heading_ar text not null,
	body_en text not null,
	body_ar text not null,
	unique (consultation_id, position)
);

create table consultation_comment (
	id uuid primary key,
	consultation_id uuid not null references consultation (id),
	section_id uuid references consultation_section (id),
	parent_id uuid references consultation_comment (id),
	author_sub text not null,
	body text not null,
	language text not null,
	created_at timestamptz not null,
	supports integer not null default 0,
	hidden_at timestamptz,
	hidden_by text,
	hidden_reason_en text,
	hidden_reason_ar text
);

create index comment_by_consultation on consultation_comment (consultation_id, created_at);

create table comment_support (
	comment_id uuid not null references consultation_comment (id),
	supporter_sub text not null,
	primary key (comment_id, supporter_sub)
);
