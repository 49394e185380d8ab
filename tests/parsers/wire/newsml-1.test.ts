import { describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import { newsml1Parser } from '../../../src/parsers/wire/newsml-1.js';
import { detects, drafts } from '../feeds/load.js';

const identification = (id: string, revision = '1') =>
  `<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20250911</DateId><NewsItemId>${id}</NewsItemId><RevisionId PreviousRevision="0" Update="N">${revision}</RevisionId><PublicIdentifier>urn:newsml:afp.com:20250911:${id}:${revision}</PublicIdentifier></NewsIdentifier><NameLabel>Belarus-Lithuania-prisoners</NameLabel></Identification>`;

const management = (extra = '') =>
  `<NewsManagement><NewsItemType FormalName="News"/><FirstCreated>20250911T150200Z</FirstCreated><ThisRevisionCreated>20250911T171000Z</ThisRevisionCreated><Status FormalName="Usable"/><Urgency FormalName="3"/>${extra}</NewsManagement>`;

const newsml = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><NewsML Version="1.2"><NewsEnvelope><DateAndTime>20250911T171000Z</DateAndTime></NewsEnvelope>${items.join('')}</NewsML>`;

const textItem = (lines: string, data: string, format = 'NITF3.1') =>
  `<ContentItem><MediaType FormalName="Text"/><Format FormalName="${format}"/><DataContent>${data}</DataContent></ContentItem>`.replace('<ContentItem>', `${lines}<ContentItem>`);

describe('NewsML 1.2 detection', () => {
  it('recognises the NewsML root and nothing else', () => {
    expect(detects(newsml1Parser, newsml())).toBe(true);
    expect(detects(newsml1Parser, '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>')).toBe(false);
    expect(detects(newsml1Parser, '<nitf/>')).toBe(false);
  });

  it('answers an envelope without items with a typed error', () => {
    expect(() => parseStories(newsml())).toThrow(expect.objectContaining({ code: 'WD_ERR_NO_STORY' }));
  });
});

describe('NewsML 1.2 items', () => {
  const lines = `<NewsLines><HeadLine>Belarus frees 52 prisoners</HeadLine><SubHeadLine>Lithuania receives them</SubHeadLine><ByLine>Jane Roe</ByLine><ByLineTitle>AFP correspondent</ByLineTitle>
    <DateLine>VILNIUS, Sept 11, 2025 (AFP) -</DateLine><CreditLine>AFP</CreditLine><CopyrightLine>© 2025 AFP</CopyrightLine><SlugLine>Belarus-prisoners</SlugLine><KeywordLine>prisoners</KeywordLine>
    <NewsLine><NewsLineType FormalName="AdvisoryLine"/><NewsLineText>ADDS US reaction</NewsLineText></NewsLine></NewsLines>
    <RightsMetadata><UsageRights><UsageType>NO ARCHIVAL USE</UsageType></UsageRights></RightsMetadata>
    <AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>
    <DescriptiveMetadata><Language FormalName="en"/><SubjectCode><Subject FormalName="11000000"/></SubjectCode><SubjectCode><SubjectMatter FormalName="11002000" Scheme="IptcSubjectCodes"/></SubjectCode><SubjectCode><Subject FormalName="11000000"/></SubjectCode><Property FormalName="Keyword" Value="Belarus"/></DescriptiveMetadata>`;

  it('reads identity without the revision, management, lines and metadata', () => {
    const [draft] = drafts(newsml1Parser, newsml(`<NewsItem>${identification('TX-PAR-ABC12', '2')}${management('<Instruction FormalName="Rectify"/>')}<NewsComponent>${textItem(lines, '<nitf><body><body.content><p>Text.</p></body.content></body></nitf>')}</NewsComponent></NewsItem>`));
    expect(draft).toMatchObject({
      wireId: 'urn:newsml:afp.com:20250911:TX-PAR-ABC12',
      wireRevision: '2',
      altIds: { PublicIdentifier: 'urn:newsml:afp.com:20250911:TX-PAR-ABC12:2' },
      language: 'en',
      headline: 'Belarus frees 52 prisoners',
      subheadline: 'Lithuania receives them',
      slugline: 'Belarus-prisoners',
      bylines: [{ name: 'Jane Roe', title: 'AFP correspondent' }],
      dateline: 'VILNIUS, Sept 11, 2025 (AFP) -',
      tags: ['Belarus', 'prisoners'],
      subjects: [{ code: '11000000', scheme: 'subj' }, { code: '11002000', scheme: 'subj' }],
      firstCreatedAt: '20250911T150200Z',
      updatedAt: '20250911T171000Z',
      pubStatus: 'usable',
      revisionKind: 'correction',
      urgency: 3,
      ednote: 'ADDS US reaction',
      bodyHtml: '<p>Text.</p>',
      credits: ['AFP'],
      copyrightNotice: '© 2025 AFP',
      usageTerms: 'NO ARCHIVAL USE',
    });
  });

  it('makes one draft per NewsItem', () => {
    const one = (id: string) => `<NewsItem>${identification(id)}${management()}<NewsComponent>${textItem(`<NewsLines><HeadLine>${id}</HeadLine></NewsLines>`, '<p>Text.</p>')}</NewsComponent></NewsItem>`;
    expect(drafts(newsml1Parser, newsml(one('A'), one('B'))).map((d) => d.headline)).toEqual(['A', 'B']);
  });

  it('finds the body by role among nested components, and lines from the nearest component', () => {
    const item = `<NewsItem>${identification('BW1')}${management()}<NewsComponent>
      <NewsLines><CopyrightLine>Copyright Business Wire 2025</CopyrightLine></NewsLines>
      <NewsComponent><NewsLines><HeadLine>Acme wins award</HeadLine><DateLine>SUNNYVALE, Calif.</DateLine></NewsLines>
        <NewsComponent><Role FormalName="StyleSheet"/><ContentItem><Format FormalName="CSS"/><MimeType FormalName="text/css"/><DataContent>.c {}</DataContent></ContentItem></NewsComponent>
        <NewsComponent><Role FormalName="HeadLine"/><ContentItem><MimeType FormalName="text/xhtml"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Acme wins award</p></body></html></DataContent></ContentItem></NewsComponent>
        <NewsComponent><Role FormalName="Logo"/><ContentItem Href="https://mms.example.com/logo.jpg"><MimeType FormalName="image/jpeg"/></ContentItem></NewsComponent>
        <NewsComponent><Role FormalName="Body"/><ContentItem><MimeType FormalName="text/xhtml"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p>(BUSINESS WIRE)--Acme said today.</p></body></html></DataContent></ContentItem></NewsComponent>
      </NewsComponent></NewsComponent></NewsItem>`;
    const [draft] = drafts(newsml1Parser, newsml(item));
    expect(draft).toMatchObject({ headline: 'Acme wins award', dateline: 'SUNNYVALE, Calif.', copyrightNotice: 'Copyright Business Wire 2025', bodyHtml: '<p>(BUSINESS WIRE)--Acme said today.</p>', images: [] });
  });

  it('turns photo components into captioned images, the largest file first', () => {
    const photo = `<NewsComponent><Role FormalName="Photo"/><NewsLines><HeadLine>Nauseda speaks</HeadLine><CreditLine>AFP</CreditLine></NewsLines>
      <ContentItem Href="https://photos.example.com/q.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/><Characteristics><Property FormalName="Width" Value="240"/><Property FormalName="Height" Value="160"/></Characteristics></ContentItem>
      <ContentItem Href="https://photos.example.com/hd.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/><Characteristics><Property FormalName="Width" Value="3000"/><Property FormalName="Height" Value="2000"/></Characteristics></ContentItem>
      <NewsComponent><Role FormalName="Caption"/><ContentItem><MediaType FormalName="Text"/><DataContent>Lithuanian President Gitanas Nauseda in Vilnius.</DataContent></ContentItem></NewsComponent></NewsComponent>`;
    const item = `<NewsItem>${identification('P1')}${management()}<NewsComponent><NewsLines><HeadLine>Story</HeadLine></NewsLines>
      <NewsComponent><Role FormalName="Main"/>${textItem('', '<p>Text.</p>')}</NewsComponent>${photo}</NewsComponent></NewsItem>`;
    const [draft] = drafts(newsml1Parser, newsml(item));
    expect(draft!.bodyHtml).toBe('<p>Text.</p>');
    expect(draft!.images).toEqual([{ url: 'https://photos.example.com/hd.jpg', caption: 'Lithuanian President Gitanas Nauseda in Vilnius.', credit: 'AFP', width: 3000, height: 2000 }]);
  });

  it('reads escaped HTML, and drops a date-only dateline', () => {
    const item = `<NewsItem>${identification('ANA1')}${management()}<NewsComponent><NewsLines><HeadLine><![CDATA[Wage employment grows]]></HeadLine><DateLine>4/4/2018</DateLine></NewsLines>
      <NewsComponent><Role FormalName="Main"/><ContentItem><MediaType FormalName="Text"/><Format FormalName="HTML"/><DataContent><![CDATA[<P>Wage employment grew.</P>]]></DataContent></ContentItem></NewsComponent></NewsComponent></NewsItem>`;
    expect(drafts(newsml1Parser, newsml(item))[0]).toMatchObject({ headline: 'Wage employment grows', dateline: null, bodyHtml: '<P>Wage employment grew.</P>' });
  });

  it('takes the place from the described City when the DateLine holds only a date', () => {
    const item = (metadata: string) =>
      `<NewsItem>${identification('ANA2')}${management()}<NewsComponent><NewsLines><HeadLine>Ferry strike ends</HeadLine><DateLine>4/4/2018</DateLine></NewsLines>${metadata}
      <NewsComponent><Role FormalName="Main"/><ContentItem><MediaType FormalName="Text"/><Format FormalName="HTML"/><DataContent><![CDATA[<p>Ferries sail again.</p>]]></DataContent></ContentItem></NewsComponent></NewsComponent></NewsItem>`;
    const own = '<DescriptiveMetadata><Property FormalName="Country" Value="GRC"/><Property FormalName="City" Value="Piraeus"/></DescriptiveMetadata>';
    const located = '<DescriptiveMetadata><Location><Property FormalName="Country" Value="GRC"/><Property FormalName="City" Value="Patras"/></Location></DescriptiveMetadata>';
    expect(drafts(newsml1Parser, newsml(item(own)))[0]?.dateline).toBe('Piraeus');
    expect(drafts(newsml1Parser, newsml(item(located)))[0]?.dateline).toBe('Patras');
  });

  it('takes an embargo release time from StatusWillChange', () => {
    const item = `<NewsItem>${identification('E1')}<NewsManagement><Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20250912T040000Z</DateAndTime></StatusWillChange></NewsManagement><NewsComponent><NewsLines><HeadLine>Held</HeadLine></NewsLines></NewsComponent></NewsItem>`;
    expect(drafts(newsml1Parser, newsml(item))[0]).toMatchObject({ pubStatus: 'usable', embargoedUntil: '20250912T040000Z' });
  });
});
