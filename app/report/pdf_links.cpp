#include "pdf_links.h"

int archfit::pdf::resolveInternalLinks(std::string&, const std::map<std::string, LinkTarget>&, double)
{
    return 0;
}
