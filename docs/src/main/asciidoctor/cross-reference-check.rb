require 'asciidoctor'
require 'asciidoctor/extensions'

# Reports, as a warning, every link of a converted page to a page or an anchor that does not exist.
#
# Asciidoctor turns xref:page.adoc#anchor[] into a link to page.html#anchor without checking either part, and a
# missing anchor in the same page is only an INFO message. The docs build fails on warnings, so a broken cross
# reference fails it.
class CrossReferenceCheck < Asciidoctor::Extensions::Postprocessor
  # href="page.html", href="page.html#anchor", href="#anchor": relative links only
  LINK = /<a href="(?:([^"#:\/?]+)\.html)?(?:#([^"]*))?"/

  def process document, output
    docdir = document.attributes['docdir']
    loaded = {}
    page_name = document.attributes['docname']
    output.scan(LINK) do |page, anchor|
      next if page.nil? && (anchor.nil? || anchor.empty? || anchor.start_with?('_footnote'))
      if page.nil? || page == page_name
        refs = document.catalog[:refs]
      else
        source = File.join(docdir, %(#{page}.adoc))
        unless File.file?(source)
          warn_about document, %(cross reference to a page that does not exist: #{page}.adoc)
          next
        end
        next if anchor.nil? || anchor.empty?
        refs = (loaded[source] ||= refs_of source, document)
      end
      warn_about document, %(cross reference to an anchor that does not exist: #{page ? page + '.adoc' : ''}##{anchor}) unless refs.key?(anchor)
    end
    output
  end

  private

  def refs_of source, document
    (Asciidoctor.load_file source, safe: document.safe, attributes: document.options[:attributes]).catalog[:refs]
  end

  def warn_about document, message
    Asciidoctor::LoggerManager.logger.warn message
  end
end

Asciidoctor::Extensions.register do
  postprocessor CrossReferenceCheck
end
